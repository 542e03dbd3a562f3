import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { objectEvent, storeEpcisEvent } from "@/tools/testing/epcis-rows";
import { createTestOrganization, TEST_MASTER_KEY } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { createNamedQuery, createSubscription, deliverDueSubscriptions } from "./index";

// Subscriptions on a real receiver (an HTTP server on this machine) and the real table: what each
// delivery carries, what happens after a worker restarts and while the receiver is down.

let database: TestDatabase;
let member: Pick<Member, "organization">;
let answer = 200;
const received: { ids: string[]; delivery: string; signature: string; body: string }[] = [];
const receiver = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    if (answer === 200) {
      const document = JSON.parse(body);
      received.push({
        ids: document.epcisBody.queryResults.resultsBody.eventList.map(
          (e: { eventID: string }) => e.eventID,
        ),
        delivery: String(request.headers["x-lotledger-delivery"]),
        signature: `${request.headers["x-lotledger-timestamp"]}|${request.headers["x-lotledger-signature"]}`,
        body,
      });
    }
    response.writeHead(answer).end();
  });
});
let dest = "";
const TOKEN = "receiver-token-0123456789";

const pass = () =>
  deliverDueSubscriptions({
    db: database.db,
    secretsKey: TEST_MASTER_KEY,
    log: () => {},
    settleMs: 0,
    retryBaseMs: 1,
  });
const store = (bizStep: string, minutesAgo: number) =>
  storeEpcisEvent(database.db, {
    organizationId: member.organization.id,
    event: objectEvent({ eventTime: "2026-05-01T08:00:00Z", bizStep }),
    recordTime: new Date(Date.now() - minutesAgo * 60_000),
  });
/** Every subscription due now, as after the retry delay has passed. */
const makeDue = () =>
  database.db.epcisSubscription.updateMany({ data: { nextAttemptAt: new Date(0) } });

beforeAll(async () => {
  database = await createTestDatabase();
  const organization = await createTestOrganization({ db: database.db, kind: "PACKER" });
  member = { organization };
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  dest = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/epcis-events`;
  await createNamedQuery({
    db: database.db,
    member,
    body: { name: "shipments", query: { EQ_bizStep: ["shipping"] } },
  });
});

afterAll(async () => {
  receiver.close();
  await database?.drop();
});

beforeEach(async () => {
  received.length = 0;
  answer = 200;
  await database.db.epcisSubscription.deleteMany();
  await database.db.epcisEvent.deleteMany();
});

const subscribe = (initialRecordTime = new Date(Date.now() - 3_600_000).toISOString()) =>
  createSubscription({
    db: database.db,
    member,
    queryName: "shipments",
    body: { dest, signatureToken: TOKEN, stream: true, initialRecordTime },
    secretsKey: TEST_MASTER_KEY,
  });

describe("EPCIS subscriptions", () => {
  it("POSTs the new matching events once, signed with the subscriber's token", async () => {
    const { subscriptionID } = await subscribe();
    const first = await store("shipping", 10);
    await store("receiving", 9);
    const second = await store("shipping", 8);
    expect(await pass()).toBe(1);
    expect(received.map((r) => r.ids)).toEqual([[first, second]]);
    const [timestamp, signature] = (received[0]?.signature ?? "").split("|");
    const expected = createHmac("sha256", TOKEN)
      .update(`${timestamp}.${received[0]?.body}`)
      .digest("hex");
    expect(signature).toBe(`sha256=${expected}`);
    expect(JSON.parse(received[0]?.body ?? "").epcisBody.queryResults.subscriptionID).toBe(
      subscriptionID,
    );
    await makeDue();
    expect(await pass()).toBe(0);
    expect(received).toHaveLength(1);
  });

  it("sends nothing twice after a worker restarts between deliveries", async () => {
    await subscribe();
    const before = await store("shipping", 10);
    await pass();
    // A new worker process: it knows only what the database says.
    const after = await store("shipping", 5);
    await makeDue();
    await pass();
    await makeDue();
    await pass();
    expect(received.map((r) => r.ids)).toEqual([[before], [after]]);
  });

  it("delivers once when two workers run at the same time (the lease)", async () => {
    await subscribe();
    const only = await store("shipping", 10);
    const results = await Promise.all([pass(), pass()]);
    expect(results.sort()).toEqual([0, 1]);
    expect(received.map((r) => r.ids)).toEqual([[only]]);
  });

  it("keeps the events while the receiver is down, and sends them all when it is back", async () => {
    await subscribe();
    answer = 503;
    const missed = [await store("shipping", 10), await store("shipping", 9)];
    expect(await pass()).toBe(0);
    const [row] = await database.db.epcisSubscription.findMany();
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toMatch(/answered HTTP 503/);
    answer = 200;
    const later = await store("shipping", 8);
    await makeDue();
    expect(await pass()).toBe(1);
    expect(received.map((r) => r.ids)).toEqual([[...missed, later]]);
    const [done] = await database.db.epcisSubscription.findMany();
    expect(done?.attempts).toBe(0);
  });

  it("starts at its creation unless told otherwise, and refuses a subscription without stream", async () => {
    await store("shipping", 10);
    await subscribe(new Date().toISOString());
    await pass();
    expect(received).toEqual([]);
    const refusal = await createSubscription({
      db: database.db,
      member,
      queryName: "shipments",
      body: { dest },
      secretsKey: TEST_MASTER_KEY,
    }).catch((e) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal.message).toBe(
      "Set stream to true: LotLedger delivers each new matching event; scheduled subscriptions are not offered.",
    );
  });
});
