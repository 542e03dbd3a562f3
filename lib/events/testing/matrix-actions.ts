import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";
import { receiveLot } from "@/lib/events/receiving";
import { createLot } from "@/lib/events/register-lot";
import { handOffLot } from "@/lib/events/shipping";
import { queueTrackingEvent } from "../record-event";

// The actions of the permission matrix, each a valid attempt by any member (held lots are put in the
// read model as the indexer would write them), and the sentence each refusal must read. The kinds
// allowed are written out here, not imported from the app, so a changed rule fails the test.

const GTIN = "09506000134352";
const TODAY = new Date().toISOString().slice(0, 10);
const LOT_KINDS = ["FARM", "PACKER", "PROCESSOR"];
const CUSTODY_KINDS = ["FARM", "PACKER", "PROCESSOR", "CARRIER", "RETAILER"];

export type MatrixAction = {
  kinds: string[];
  readOnly: string;
  attempt: (m: Member) => Promise<unknown>;
};

/** The matrix's actions for members keyed "KIND/ROLE" (whose organisation's GLN is also its site's), on the database `dbOf` gives once the tests run. */
export function matrixActions(
  dbOf: () => Db,
  members: Map<string, Member>,
): Record<string, MatrixAction> {
  let sequence = 0;

  /** A lot row as the indexer writes it, held by (or on its way to) the member's organisation. */
  async function lotFor(member: Member, status: "ACTIVE" | "IN_TRANSIT" = "ACTIVE") {
    const lotCode = `M-${++sequence}`;
    const other = members.get("FARM/ADMIN") as Member;
    const me = member.organization.chainAddress;
    await dbOf().lot.create({
      data: {
        id: lotIdOf(GTIN, lotCode),
        chainId: 31337,
        gtin: GTIN,
        lotCode,
        quantity: "100",
        unit: "kg",
        status,
        custodian: status === "ACTIVE" ? me : other.organization.chainAddress,
        recipient: status === "IN_TRANSIT" ? me : null,
        producer: me,
        createdTxHash: `0x${String(sequence).padStart(64, "0")}`,
        createdBlock: 1,
      },
    });
    return { id: lotIdOf(GTIN, lotCode), lotCode };
  }

  const site = (member: Member) => member.organization.gln;
  const document = { documentType: "prodorder", documentNumber: "D-1" };
  const output = (prefix = "") => ({
    [`${prefix}lotCode`]: `N-${++sequence}`,
    [`${prefix}quantity`]: "10",
    [`${prefix}unit`]: "kg",
  });

  const cte =
    (name: string, values: (m: Member) => Promise<Record<string, string | string[]>>) =>
    (m: Member) =>
      values(m).then((v) => queueTrackingEvent({ db: dbOf(), member: m, cte: name, values: v }));

  return {
    harvesting: {
      kinds: ["FARM"],
      readOnly: "record the harvest",
      attempt: cte("harvesting", async (m) => ({
        locationGln: site(m),
        gtin: GTIN,
        ...output(),
        commodity: "Kale",
        variety: "Lacinato",
        fieldName: "F1",
        harvestDate: TODAY,
        recipientLocationGln: site(m),
        ...document,
      })),
    },
    cooling: {
      kinds: ["FARM", "PACKER", "PROCESSOR"],
      readOnly: "record the cooling",
      attempt: cte("cooling", async (m) => ({
        lotId: (await lotFor(m)).id,
        locationGln: site(m),
        coolingDate: TODAY,
        quantity: "100",
        unit: "kg",
        recipientLocationGln: site(m),
        ...document,
      })),
    },
    initial_packing: {
      kinds: ["FARM", "PACKER"],
      readOnly: "record the initial packing",
      attempt: cte("initial_packing", async (m) => ({
        locationGln: site(m),
        quantityReceived: "100",
        unitReceived: "kg",
        productDescription: "Kale bunch",
        commodity: "Kale",
        variety: "Lacinato",
        dateReceived: TODAY,
        harvestLocation: "Farm X",
        fieldName: "F1",
        harvesterBusinessName: "Farm X",
        harvestDate: TODAY,
        packingDate: TODAY,
        gtin: GTIN,
        ...output(),
        packages: "2",
        ...document,
      })),
    },
    first_land_based_receiving: {
      kinds: ["PACKER", "PROCESSOR"],
      readOnly: "record the first land-based receiving",
      attempt: cte("first_land_based_receiving", async (m) => ({
        locationGln: site(m),
        gtin: GTIN,
        ...output(),
        productDescription: "Cod",
        harvestDateStart: TODAY,
        harvestDateEnd: TODAY,
        catchLocations: "FAO 27",
        landingDate: TODAY,
        ...document,
      })),
    },
    transformation: {
      kinds: LOT_KINDS,
      readOnly: "record the transformation",
      attempt: cte("transformation", async (m) => {
        const input = await lotFor(m);
        return {
          inputLotIds: input.id,
          [`used.${input.id}`]: "100",
          locationGln: site(m),
          "outputs.0.gtin": GTIN,
          ...output("outputs.0."),
          "outputs.0.productDescription": "Soup",
          dateCompleted: TODAY,
          ...document,
        };
      }),
    },
    split: {
      kinds: LOT_KINDS,
      readOnly: "record the split",
      attempt: cte("split", async (m) => ({
        lotId: (await lotFor(m)).id,
        locationGln: site(m),
        ...output("outputs.0."),
        ...output("outputs.1."),
        splitDate: TODAY,
        ...document,
      })),
    },
    merge: {
      kinds: LOT_KINDS,
      readOnly: "record the merge",
      attempt: cte("merge", async (m) => ({
        inputLotIds: [(await lotFor(m)).id, (await lotFor(m)).id],
        locationGln: site(m),
        ...output(),
        mergeDate: TODAY,
        ...document,
      })),
    },
    "create a lot": {
      kinds: LOT_KINDS,
      readOnly: "",
      attempt: (m) =>
        createLot({
          db: dbOf(),
          member: m,
          input: { gtin: GTIN, lotCode: `C-${++sequence}`, quantity: "5", unit: "kg" },
        }),
    },
    ship: {
      kinds: CUSTODY_KINDS,
      readOnly: "ship the lot",
      attempt: async (m) => {
        const lot = await lotFor(m);
        const to = members.get(
          m.organization.kind === "RETAILER" ? "CARRIER/ADMIN" : "RETAILER/ADMIN",
        ) as Member;
        return handOffLot({
          db: dbOf(),
          member: m,
          lotId: lot.id,
          input: { recipientGln: to.organization.gln },
        });
      },
    },
    receive: {
      kinds: CUSTODY_KINDS,
      readOnly: "receive the lot",
      attempt: async (m) =>
        receiveLot({
          db: dbOf(),
          member: m,
          lotId: (await lotFor(m, "IN_TRANSIT")).id,
          input: { decision: "accept" },
        }),
    },
  };
}

/** The sentence a member refused `action` must read. */
export function expectedRefusal(
  actions: Record<string, MatrixAction>,
  action: string,
  m: Member,
): string {
  const { kind, name } = m.organization;
  if (m.role === "READ_ONLY") {
    return action === "create a lot"
      ? "Your account is read-only: ask an admin of your organisation to create the lot."
      : `Your account is read-only: ask a colleague with staff access to ${actions[action]?.readOnly}.`;
  }
  if (action === "create a lot")
    return `Only farms, packers and processors create lots; ${name} is a ${kind.toLowerCase()}.`;
  if (kind === "REGULATOR" && (action === "ship" || action === "receive")) {
    return `Only farms, packers, processors, carriers and retailers ${action} lots; ${name} is a regulator.`;
  }
  const kinds = actions[action]?.kinds.map((k) => `${k.toLowerCase()}s`).join(" and ");
  const label =
    {
      initial_packing: "initial packing",
      first_land_based_receiving: "first land-based receiving",
      harvesting: "harvest",
    }[action] ?? action;
  return `Only ${kinds} record ${label}; ${name} is a ${kind.toLowerCase()}.`;
}
