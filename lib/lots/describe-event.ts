const LINEAGE = ["split", "merge", "transformation"];

/** A ledger event in the words a person at a farm or a store uses. */
export function describeLedgerEvent(
  name: string,
  args: Record<string, string>,
  nameOf: (address: string) => string,
): string {
  switch (name) {
    case "LotCreated":
      return `Registered by ${nameOf(args.custodian ?? "")}`;
    case "LotHandedOff":
      return `Shipped by ${nameOf(args.actor ?? "")} to ${nameOf(args.recipient ?? "")}`;
    case "LotHandoffAccepted":
      return `Received by ${nameOf(args.actor ?? "")}`;
    case "LotHandoffRejected":
      return `Rejected on arrival by ${nameOf(args.actor ?? "")}; back with ${nameOf(args.from ?? "")}`;
    case "LotConsumed":
      return `Used up in a ${LINEAGE[Number(args.kind)] ?? "transformation"} by ${nameOf(args.actor ?? "")}`;
    case "LotDerived":
      return `Made by ${LINEAGE[Number(args.kind)] ?? "transformation"} at ${nameOf(args.actor ?? "")}`;
    case "LotEventRecorded":
      return `Event recorded by ${nameOf(args.actor ?? "")}`;
    case "LotReadingsAnchored":
      return `${args.readingCount} sensor readings anchored by ${nameOf(args.actor ?? "")}`;
    case "LotRecalled":
      return `Recalled by ${nameOf(args.actor ?? "")}`;
    case "LotRecallLifted":
      return `Recall lifted by ${nameOf(args.actor ?? "")}`;
    default:
      return name;
  }
}
