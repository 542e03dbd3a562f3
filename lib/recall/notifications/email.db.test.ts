import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/input";
import type { MailConfig } from "@/lib/mail/send-mail";
import { findFreePort } from "@/tools/chain/anvil";
import {
  createLedgerWorld,
  GTIN,
  type LedgerWorld,
  MASTER_KEY,
} from "@/tools/testing/ledger-world";
import { addTestMember } from "@/tools/testing/organizations";
import { type SmtpReceiver, startSmtpReceiver } from "@/tools/testing/smtp-receiver";
import { startRecall } from "../start";
import { recallInput } from "../terms";
import { deliverDueNotifications, type NotifierContext } from "./deliver";
import { transportFor } from "./transports";
import { setWebhookEndpoint } from "./webhook";

const RETRY_BASE_MS = 150;
const FROM = "LotLedger <recalls@lotledger.test>";
const REASON = "Listeria > limit in samples A&B";

let ledger: LedgerWorld;
let smtp: SmtpReceiver;
let mail: MailConfig;
let context: NotifierContext;
let server = "";
const people = { admin: "", staff: "" };
const logged: string[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The retailer holds a new lot and recalls it: one notice, to the retailer, settled on the ledger. */
async function recallAtRetailer(lotCode: string) {
  const { farm, retailer } = ledger.members;
  const lotId = await ledger.harvest(lotCode);
  await ledger.ship(farm, lotId, retailer);
  const input = parseInput(recallInput, { reason: REASON, severity: "CLASS_I" });
  const { recallId } = await startRecall({
    db: ledger.db,
    member: retailer,
    lotId,
    input,
    appUrl: "https://lotledger.test",
  });
  await ledger.settle();
  const notice = await ledger.db.notification.findFirstOrThrow({
    where: { recallId, organizationId: retailer.organization.id },
  });
  return { recallId, noticeId: notice.id };
}

const noticeRow = (id: string) => ledger.db.notification.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  server = `127.0.0.1:${new URL(smtp.url).port}`;
  mail = { smtpUrl: smtp.url, from: FROM };
  ledger = await createLedgerWorld();
  const organizationId = ledger.members.retailer.organization.id;
  const member = (role: "ADMIN" | "STAFF" | "READ_ONLY", email: string) =>
    addTestMember({ db: ledger.db, organizationId, role, email });
  people.admin = (await member("ADMIN", "quality@freshmart.test")).email;
  people.staff = (await member("STAFF", "store-12@freshmart.test")).email;
  await member("READ_ONLY", "auditor@freshmart.test");
  context = {
    db: ledger.db,
    masterKey: MASTER_KEY,
    mail,
    log: (line) => logged.push(line),
    retryBaseMs: RETRY_BASE_MS,
  };
});

afterAll(async () => {
  await smtp.stop();
  await ledger.drop();
});

describe("recall notices by email", () => {
  it("sends one message to the organisation's admins and staff over SMTP, with a login", async () => {
    const { recallId, noticeId } = await recallAtRetailer("MAIL-1");
    await deliverDueNotifications(context);
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    const url = `https://lotledger.test/recalls/${recallId}`;
    expect(message).toMatchObject({
      from: "recalls@lotledger.test",
      to: [people.admin, people.staff],
      subject: "Class I recall: lot MAIL-1 — remove from sale",
      messageId: `<recall-notice.${noticeId}@lotledger.test>`,
    });
    const lines = message?.text.split("\n");
    expect(lines?.[0]).toMatch(
      /^Class I recall of lot MAIL-1 \(GTIN \d{14}\), started by Test retailer \(GLN \d{13}\) on .+ UTC\.$/,
    );
    // The retailer's own words are quoted, every line behind "> ": nothing in them reads as ours.
    expect(lines?.slice(1)).toEqual([
      "",
      "The reason, in Test retailer's own words:",
      `> ${REASON}`,
      "",
      `Take every package of lot MAIL-1 (GTIN ${GTIN}) off sale, then report in LotLedger how much of it was removed from sale, destroyed, returned to its supplier or already sold.`,
      `Then acknowledge the recall for Test retailer: ${url}`,
    ]);
    expect(message?.html).toContain(
      "<p>The reason, in Test retailer&#x27;s own words:</p><blockquote>Listeria &gt; limit in samples A&amp;B</blockquote>",
    );
    expect(message?.html).toContain(`<a href="${url}">${url}</a>`);
    expect(await noticeRow(noticeId)).toMatchObject({
      status: "DELIVERED",
      transport: "email",
      attempts: 1,
      lastError: null,
    });
  });

  it("marks the notice failed at once when the server refuses every recipient with 550", async () => {
    smtp.refuseRecipient = () => 550;
    const { noticeId } = await recallAtRetailer("MAIL-550");
    await deliverDueNotifications(context);
    smtp.refuseRecipient = () => undefined;
    expect(await noticeRow(noticeId)).toMatchObject({
      status: "FAILED",
      transport: "email",
      attempts: 1,
      lastError: `${server} refused every recipient: ${people.admin} (550 No such mailbox: ${people.admin}); ${people.staff} (550 No such mailbox: ${people.staff})`,
    });
    // Failed stays failed: the next pass sends nothing.
    await sleep(RETRY_BASE_MS * 1.2);
    await deliverDueNotifications(context);
    expect(smtp.received).toHaveLength(1);
  });

  it("retries after a 451, with backoff, and delivers the same message", async () => {
    smtp.refuseRecipient = () => 451;
    const { noticeId } = await recallAtRetailer("MAIL-451");
    await deliverDueNotifications(context);
    smtp.refuseRecipient = () => undefined;
    const waiting = await noticeRow(noticeId);
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waiting.lastError).toBe(
      `${server} refused every recipient: ${people.admin} (451 Mailbox busy, try again later: ${people.admin}); ${people.staff} (451 Mailbox busy, try again later: ${people.staff})`,
    );
    // A backoff is set: not tried again before nextAttemptAt. Asserted only when the second pass ended
    // before that time, so a slow machine cannot turn the check into a false failure.
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(waiting.updatedAt.getTime());
    await deliverDueNotifications(context);
    if (Date.now() < waiting.nextAttemptAt.getTime()) expect(smtp.received).toHaveLength(1);
    await sleep(RETRY_BASE_MS * 1.2);
    await deliverDueNotifications(context);
    expect(smtp.received.at(-1)).toMatchObject({
      to: [people.admin, people.staff],
      subject: "Class I recall: lot MAIL-451 — remove from sale",
      messageId: `<recall-notice.${noticeId}@lotledger.test>`,
    });
    expect(await noticeRow(noticeId)).toMatchObject({
      status: "DELIVERED",
      attempts: 2,
      lastError: null,
    });
  });

  it("keeps the notice while the server cannot be reached, and delivers it once it can", async () => {
    const closed = { ...mail, smtpUrl: `smtp://127.0.0.1:${await findFreePort()}` };
    const { noticeId } = await recallAtRetailer("MAIL-DOWN");
    await deliverDueNotifications({ ...context, mail: closed });
    const waiting = await noticeRow(noticeId);
    expect(waiting).toMatchObject({ status: "PENDING", transport: "email", attempts: 1 });
    expect(waiting.lastError).toMatch(
      /^127\.0\.0\.1:\d+ could not be reached: connect ECONNREFUSED 127\.0\.0\.1:\d+$/,
    );
    await sleep(RETRY_BASE_MS * 1.2);
    await deliverDueNotifications(context);
    expect(await noticeRow(noticeId)).toMatchObject({ status: "DELIVERED", attempts: 2 });
    expect(smtp.received.at(-1)?.subject).toBe("Class I recall: lot MAIL-DOWN — remove from sale");
  });

  it("retries a refused login, and the error shows the server, not the password", async () => {
    const wrong = { ...mail, smtpUrl: smtp.url.replace(encodeURIComponent(smtp.password), "nope") };
    const { noticeId } = await recallAtRetailer("MAIL-AUTH");
    await deliverDueNotifications({ ...context, mail: wrong });
    const waiting = await noticeRow(noticeId);
    expect(waiting).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: `${server} answered 535 Authentication failed`,
    });
    expect(logged.join("\n")).not.toContain("nope");
    await sleep(RETRY_BASE_MS * 1.2);
    await deliverDueNotifications(context);
    expect(await noticeRow(noticeId)).toMatchObject({ status: "DELIVERED", attempts: 2 });
  });

  it("delivers to the people the server took and records whom it refused", async () => {
    smtp.refuseRecipient = (address) => (address === people.staff ? 550 : undefined);
    const { noticeId } = await recallAtRetailer("MAIL-SOME");
    await deliverDueNotifications(context);
    smtp.refuseRecipient = () => undefined;
    expect(smtp.received.at(-1)?.to).toEqual([people.admin]);
    expect(await noticeRow(noticeId)).toMatchObject({
      status: "DELIVERED",
      attempts: 1,
      lastError: `Not accepted for ${people.staff} (550 No such mailbox: ${people.staff})`,
    });
  });
});

describe("transportFor", () => {
  it("chooses the organisation's webhook, else email when configured, else the log", async () => {
    const { packer, retailer } = ledger.members;
    await setWebhookEndpoint({
      db: ledger.db,
      organizationId: packer.organization.id,
      // A public address: a webhook's host must resolve, and to no private address.
      url: "https://93.184.215.14/recalls",
      masterKey: MASTER_KEY,
    });
    const name = async (organizationId: string, withMail?: MailConfig) =>
      (
        await transportFor(ledger.db, {
          organizationId,
          masterKey: MASTER_KEY,
          mail: withMail,
          log,
        })
      ).name;
    const log = () => undefined;
    expect(await name(packer.organization.id, mail)).toBe("webhook");
    expect(await name(retailer.organization.id, mail)).toBe("email");
    expect(await name(retailer.organization.id)).toBe("log");
  });
});
