import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/input";
import { createLedgerWorld, type LedgerWorld, MASTER_KEY } from "@/tools/testing/ledger-world";
import { startRecall } from "../start";
import { recallInput } from "../terms";
import { deliverDueNotifications, type NotifierContext } from "./deliver";
import { setWebhookEndpoint, signWebhook } from "./webhook";

// Long enough that a busy machine delivers the other notices of a pass before the backoff ends.
const RETRY_BASE_MS = 600;

/** A real HTTP receiver on loopback that answers each request with the next status of its script. */
type Receiver = {
  url: string;
  requests: { headers: IncomingHttpHeaders; body: string }[];
  statuses: number[];
};

let ledger: LedgerWorld;
let server: Server;
const receiver: Receiver = { url: "", requests: [], statuses: [] };
const logged: string[] = [];
let context: NotifierContext;
let secret = "";
const lots = { h: "", a: "" };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const noticesOf = (recallId: string) =>
  ledger.db.notification.findMany({ where: { recallId }, orderBy: { organizationId: "asc" } });

async function recall(member = ledger.members.retailer, lotId = lots.h) {
  const input = parseInput(recallInput, {
    reason: "E. coli O157:H7 in a sample",
    severity: "CLASS_I",
  });
  return startRecall({ db: ledger.db, member, lotId, input, appUrl: "https://lotledger.test" });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on("end", () => {
      receiver.requests.push({ headers: request.headers, body });
      response.writeHead(receiver.statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lotledger-recalls`;

  ledger = await createLedgerWorld();
  const { farm, packer, retailer } = ledger.members;
  lots.h = await ledger.harvest("HARVEST-1");
  await ledger.ship(farm, lots.h, packer);
  [lots.a = ""] = await ledger.split(packer, lots.h, ["PACK-1", "PACK-2"]);
  await ledger.ship(packer, lots.a, retailer);
  ({ secret } = await setWebhookEndpoint({
    db: ledger.db,
    organizationId: retailer.organization.id,
    url: receiver.url,
    masterKey: MASTER_KEY,
  }));
  context = {
    db: ledger.db,
    masterKey: MASTER_KEY,
    log: (line) => logged.push(line),
    retryBaseMs: RETRY_BASE_MS,
  };
});

afterAll(async () => {
  server.close();
  await ledger.drop();
});

describe("the notifier", () => {
  let recallId = "";

  it("sends nothing while the ledger has not recorded the recall", async () => {
    ({ recallId } = await recall());
    await deliverDueNotifications(context);
    expect(receiver.requests).toHaveLength(0);
    // The packer and the retailer hold stock; the farm held the harvest before.
    expect((await noticesOf(recallId)).map((n) => n.status)).toEqual([
      "PENDING",
      "PENDING",
      "PENDING",
    ]);
  });

  it("then delivers to the webhook, signed, and retries after a 500 with the same body", async () => {
    await ledger.settle();
    await sleep(1_100); // past the wait for the ledger
    receiver.statuses.push(500);
    await deliverDueNotifications(context);
    expect(receiver.requests).toHaveLength(1);
    const failed = (await noticesOf(recallId)).find((n) => n.transport === "webhook");
    expect(failed).toMatchObject({
      status: "PENDING",
      attempts: 1,
      // The receiver by scheme and host only: a webhook URL's path or login may carry credentials.
      lastError: `${new URL(receiver.url).origin} answered HTTP 500`,
    });
    // Not before its backoff has passed.
    await deliverDueNotifications(context);
    expect(receiver.requests).toHaveLength(1);
    await sleep(RETRY_BASE_MS * 1.2);
    await deliverDueNotifications(context);
    expect(receiver.requests).toHaveLength(2);
    const [first, second] = receiver.requests;
    expect(second?.body).toBe(first?.body);
    expect(second?.headers["x-lotledger-delivery"]).toBe(failed?.id);
    const timestamp = Number(second?.headers["x-lotledger-timestamp"]);
    expect(second?.headers["x-lotledger-signature"]).toBe(
      signWebhook(secret, timestamp, second?.body ?? ""),
    );
    expect(JSON.parse(second?.body ?? "")).toEqual(failed?.payload);
    // The notice as people read it, with the recaller's words quoted as theirs.
    expect(JSON.parse(second?.body ?? "").text).toContain(
      "The reason, in Test retailer's own words:\n> E. coli O157:H7 in a sample\n",
    );
    const delivered = await ledger.db.notification.findUniqueOrThrow({ where: { id: failed?.id } });
    expect(delivered).toMatchObject({ status: "DELIVERED", attempts: 2, lastError: null });
  });

  it("logs the notice of an organisation without a webhook", async () => {
    const toPacker = (await noticesOf(recallId)).find(
      (n) => n.organizationId === ledger.members.packer.organization.id,
    );
    expect(toPacker).toMatchObject({ status: "DELIVERED", attempts: 1 });
    expect(logged).toContain(
      `notifier: recall notice for Test packer (GLN ${ledger.members.packer.organization.gln}): Class I recall of lot HARVEST-1 of GTIN 09506000134352; https://lotledger.test/recalls/${recallId}`,
    );
  });

  it("never sends a notice twice: not after success, not with two notifiers at once", async () => {
    const { farm, retailer } = ledger.members;
    const lot = await ledger.harvest("RACED-1");
    await ledger.ship(farm, lot, retailer);
    const { recallId: raced } = await recall(retailer, lot);
    await ledger.settle();
    await sleep(1_100);
    await Promise.all([deliverDueNotifications(context), deliverDueNotifications(context)]);
    expect(receiver.requests).toHaveLength(3);
    expect(JSON.parse(receiver.requests[2]?.body ?? "")).toMatchObject({ recallId: raced });
    await sleep(RETRY_BASE_MS * 4);
    await deliverDueNotifications(context);
    expect(receiver.requests).toHaveLength(3);
  });

  it("cancels the notices of a recall the ledger refused, sending none", async () => {
    const { regulator, farm } = ledger.members;
    const other = await ledger.harvest("OTHER-1");
    await ledger.revokeRole(regulator);
    const refused = await recall(regulator, other);
    await ledger.settle();
    const write = await ledger.db.recall
      .findUniqueOrThrow({ where: { id: refused.recallId } })
      .then((r) =>
        ledger.db.ledgerTransaction.findUniqueOrThrow({ where: { id: r.ledgerTransactionId } }),
      );
    expect(write.status).toBe("FAILED");
    await sleep(1_100);
    await deliverDueNotifications(context);
    expect((await noticesOf(refused.recallId)).map((n) => [n.organizationId, n.status])).toEqual([
      [farm.organization.id, "CANCELLED"],
    ]);
    expect(receiver.requests).toHaveLength(3);
  });
});
