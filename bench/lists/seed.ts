import { getAddress } from "ethers";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { locationId, partyId } from "@/lib/epcis/event";
import { gs1CheckDigit } from "@/lib/gs1/keys";
import { DEMO_ORGANIZATIONS, DEMO_PRODUCTS } from "@/tools/stack/demo-data";
import { createRng } from "../trace/world";

// The bench's read model: the demo organisations and products (plus 48 more products of the farm),
// and lots walking their routes — producer → carrier → store, farm → packhouse or kitchen, or kept at
// home — with the ledger events and EPCIS payloads the homes read (creation, handoffs, acceptances).
// Written with multi-row INSERTs through $executeRaw (~65 µs a row; createMany costs ~450 µs).

export type Org = { id: string; kind: string; gln: string; address: string; siteGln: string };
export type World = { orgs: Record<string, Org>; gtins: string[] };

const ROWS_PER_INSERT = 1_000;
const DAY = 86_400_000;

export async function seedWorld(db: Db): Promise<World> {
  const orgs: Record<string, Org> = {};
  for (const [i, o] of DEMO_ORGANIZATIONS.entries()) {
    const org = {
      id: `bench-org-${i}`,
      kind: o.kind,
      gln: o.gln,
      address: getAddress(`0x${(i + 1).toString(16).padStart(40, "b")}`),
      siteGln: o.location.gln,
    };
    orgs[o.kind] = org;
    await db.organization.create({
      data: {
        id: org.id,
        name: o.name,
        kind: o.kind,
        gln: o.gln,
        chainAddress: org.address,
        encryptedKey: "bench",
        locations: { create: { ...o.location } },
      },
    });
  }
  const farm = orgs.FARM as Org;
  const extra = Array.from({ length: 48 }, (_, i) => {
    const body = `0950600014${String(i).padStart(3, "0")}`;
    return { gtin: `${body}${gs1CheckDigit(body)}`, name: `Bench greens ${i}`, unit: "kg" };
  });
  const products = [
    ...DEMO_PRODUCTS.map((p) => ({ gtin: p.gtin, name: p.name, unit: p.unit })),
    ...extra,
  ];
  await db.product.createMany({
    data: products.map((p) => ({ ...p, organizationId: farm.id, commodity: "Lettuce" })),
  });
  return { orgs, gtins: products.map((p) => p.gtin) };
}

type Event = {
  lotId: string;
  name: string;
  actor: string;
  args: object;
  payloadHash: string | null;
  at: Date;
};

const hex = (prefix: string, n: number) => `0x${prefix}${n.toString(16).padStart(62, "0")}`;

/**
 * Lots number `from` to `to` − 1 with their events and payloads; block numbers follow the lot
 * numbers, so a second call continues the chain where the first stopped.
 */
export async function seedLots(db: Db, world: World, from: number, to: number, seed = 15) {
  const rng = createRng(seed + from);
  const { FARM, PACKER, PROCESSOR, CARRIER, RETAILER } = world.orgs as Record<string, Org>;
  const pick = <T>(items: readonly T[]) => items[Math.floor(rng.next() * items.length)] as T;
  const now = Date.now();
  for (let start = from; start < to; start += ROWS_PER_INSERT) {
    const lots: Prisma.Sql[] = [];
    const events: Event[] = [];
    const payloads: [string, object][] = [];
    for (let i = start; i < Math.min(to, start + ROWS_PER_INSERT); i++) {
      const producer = pick([FARM, FARM, PACKER, PROCESSOR]) as Org;
      const r = rng.next();
      const route =
        r < 0.4
          ? [producer, CARRIER, RETAILER]
          : r < 0.6
            ? producer === FARM
              ? [producer, pick([PACKER, PROCESSOR])]
              : [producer, RETAILER]
            : [producer];
      const k = Math.floor(rng.next() * route.length);
      const isPending = k < route.length - 1 && rng.next() < 0.25;
      const custodian = route[k] as Org;
      const recipient = isPending ? (route[k + 1] as Org) : null;
      const status = isPending ? "IN_TRANSIT" : rng.next() < 0.3 ? "CONSUMED" : "ACTIVE";
      const id = hex("a", i);
      const gtin = pick(world.gtins);
      const createdAt = new Date(now - Math.floor(rng.next() * 180 * DAY));
      const quantity = 10 + Math.floor(rng.next() * 490);
      const created = hex("c", i);
      payloads.push([
        created,
        {
          cte: "harvesting",
          bizStep: "commissioning",
          eventTime: createdAt.toISOString(),
          bizLocation: { id: locationId(producer.siteGln) },
        },
      ]);
      events.push({
        lotId: id,
        name: "LotCreated",
        actor: producer.address,
        args: {},
        payloadHash: created,
        at: createdAt,
      });
      // The indexer touches a lot at each handoff and acceptance: updatedAt is its last one.
      let updatedAt = createdAt;
      const legs = isPending ? k + 1 : k;
      for (let j = 0; j < legs; j++) {
        const [sender, receiver] = [route[j] as Org, route[j + 1] as Org];
        const shipped = hex(`d${j}`, i);
        const final = route[route.length - 1] as Org;
        const at = new Date(createdAt.getTime() + (2 * j + 1) * 3_600_000);
        payloads.push([
          shipped,
          {
            cte: "shipping",
            bizStep: "shipping",
            eventTime: at.toISOString(),
            bizLocation: { id: locationId(sender.siteGln) },
            sourceList: [{ type: "owning_party", id: partyId(producer.gln) }],
            destinationList: [
              { type: "owning_party", id: partyId(final.gln) },
              { type: "possessing_party", id: partyId(receiver.gln) },
            ],
          },
        ]);
        events.push({
          lotId: id,
          name: "LotHandedOff",
          actor: sender.address,
          args: { recipient: receiver.address },
          payloadHash: shipped,
          at,
        });
        updatedAt = at;
        if (j < k) {
          const acceptedAt = new Date(at.getTime() + 3_600_000);
          updatedAt = acceptedAt;
          events.push({
            lotId: id,
            name: "LotHandoffAccepted",
            actor: receiver.address,
            args: {},
            payloadHash: null,
            at: acceptedAt,
          });
        }
      }
      lots.push(
        Prisma.sql`(${id}, 31337, ${gtin}, ${`L${i}`}, ${quantity}, 'kg', ${status}::"LotStatus", ${custodian.address}, ${recipient?.address ?? null}, ${producer.address}, ${created}, ${hex("e", i)}, ${i}, ${createdAt}, ${updatedAt})`,
      );
    }
    await db.$executeRaw`
      INSERT INTO "Lot" (id, "chainId", gtin, "lotCode", quantity, unit, status, custodian, recipient,
        producer, "payloadHash", "createdTxHash", "createdBlock", "createdAt", "updatedAt")
      VALUES ${Prisma.join(lots)}`;
    await db.$executeRaw`
      INSERT INTO "EventPayload" (hash, body, "updatedAt")
      VALUES ${Prisma.join(payloads.map(([hash, body]) => Prisma.sql`(${hash}, ${JSON.stringify(body)}::jsonb, now())`))}`;
    await db.$executeRaw`
      INSERT INTO "LedgerEvent" (id, "chainId", "blockNumber", "blockHash", "txHash", "txIndex",
        "logIndex", name, "lotId", actor, "payloadHash", args, "createdAt", "updatedAt")
      VALUES ${Prisma.join(
        events.map(
          (e, n) =>
            Prisma.sql`(${`${e.lotId}-${n}`}, 31337, ${Math.floor(e.at.getTime() / 1000)}, '0x', ${`${e.lotId}-${n}`}, 0, ${n}, ${e.name}, ${e.lotId}, ${e.actor}, ${e.payloadHash}, ${JSON.stringify(e.args)}::jsonb, ${e.at}, ${e.at})`,
        ),
      )}`;
  }
}
