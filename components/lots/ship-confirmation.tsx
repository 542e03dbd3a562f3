import type { Option } from "@/lib/events/forms/field-spec";

/** The lot being shipped, as the confirmation names it. */
export type ShippedLot = {
  product: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
};

const DOCUMENTS: Record<string, string> = { bol: "Bill of lading", desadv: "Despatch advice" };

/**
 * The ship form's second look: everything the shipment will put on the ledger, in the words on the
 * paperwork ("60 kg of 200 kg", to whom, carrier, document), read back from what was typed before
 * "Confirm shipment" records it. When part of the lot ships, says what becomes of the rest.
 */
export function ShipConfirmation({
  data,
  lot,
  destinations,
  carriers,
  delivery,
}: {
  data: FormData;
  lot: ShippedLot;
  destinations: readonly Option[];
  carriers: readonly Option[];
  delivery?: { document: string | null };
}) {
  const field = (name: string) => String(data.get(name) ?? "").trim();
  const quantity = field("quantity").replace(",", ".");
  const isPart =
    lot.quantity !== null && quantity !== "" && Number(quantity) < Number(lot.quantity);
  const rest = isPart ? Number((Number(lot.quantity) - Number(quantity)).toFixed(3)) : 0;
  const number = field("documentNumber");
  const carrier = carriers.find((c) => c.value === field("carrierGln"))?.label;
  const rows: [string, string][] = [
    ["Product", lot.product],
    ["Lot", lot.lotCode],
    [
      "Quantity",
      isPart
        ? `${quantity} ${lot.unit} of ${lot.quantity} ${lot.unit}`
        : lot.quantity
          ? `all ${lot.quantity} ${lot.unit}`
          : "the whole lot",
    ],
    [
      delivery ? "Deliver to" : "Ship to",
      destinations.find((d) => d.value === field("recipientGln"))?.label ?? "",
    ],
    ...(carrier ? [["Carrier", carrier] as [string, string]] : []),
    [
      "Reference document",
      number
        ? `${DOCUMENTS[field("documentType")] ?? "Document"} ${number}`
        : (delivery?.document ?? "LotLedger's shipment number, given when it is recorded"),
    ],
  ];
  return (
    <>
      <dl
        className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg"
        data-testid="ship-confirmation"
      >
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-stone-600">{term}</dt>
            <dd className="break-words font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      {isPart ? (
        <p className="mt-2 text-base">
          The part gets a lot code of its own ({lot.lotCode}.P…); the other {rest} {lot.unit} stay
          here as a lot of their own.
        </p>
      ) : null}
    </>
  );
}
