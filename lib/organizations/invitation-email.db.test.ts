import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { MailConfig } from "@/lib/mail/send-mail";
import { findFreePort } from "@/tools/chain/anvil";
import { addTestMember, createTestOrganization } from "@/tools/testing/organizations";
import { type SmtpReceiver, startSmtpReceiver } from "@/tools/testing/smtp-receiver";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import {
  emailInvitationTransport,
  formatInvitationDate,
  invitationTransportFor,
  inviteMember,
  logInvitationTransport,
} from ".";

const APP_URL = "https://lotledger.example";

let database: TestDatabase;
let db: Db;
let admin: Member;
let smtp: SmtpReceiver;
let mail: MailConfig;
const logged: string[] = [];

const invite = (email: string, config = mail) =>
  inviteMember({
    db,
    member: admin,
    input: { email, role: "STAFF" },
    appUrl: APP_URL,
    transport: emailInvitationTransport(config, (line) => logged.push(line)),
  });

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  mail = { smtpUrl: smtp.url, from: "LotLedger <people@lotledger.test>" };
  database = await createTestDatabase();
  db = database.db;
  const organization = await createTestOrganization({ db, name: "Coastal Packhouse" });
  admin = await addTestMember({ db, organizationId: organization.id, role: "ADMIN" });
});

afterAll(async () => {
  await smtp.stop();
  await database.drop();
});

describe("invitations by email", () => {
  it("emails the link to the invitee over SMTP and says so", async () => {
    const invitation = await invite("ines@people.test");
    expect(invitation.delivery).toBe("emailed");
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message).toMatchObject({
      from: "people@lotledger.test",
      to: ["ines@people.test"],
      subject: "Join Coastal Packhouse on LotLedger",
    });
    expect(message?.text.split("\n")).toEqual([
      "Coastal Packhouse invites you to LotLedger as Staff.",
      "",
      "Open this link to choose your password and sign in:",
      invitation.url,
      "",
      `The link works once, until ${formatInvitationDate(invitation.expiresAt)}. If you did not expect this invitation, ignore this email.`,
    ]);
    expect(message?.html).toContain(`<a href="${invitation.url}">${invitation.url}</a>`);
  });

  it("keeps the invitation and hands the link back when the server refuses the address", async () => {
    smtp.refuseRecipient = () => 550;
    const invitation = await invite("nobody@people.test");
    smtp.refuseRecipient = () => undefined;
    expect(invitation.delivery).toBe("email-failed");
    expect(invitation.url).toMatch(/^https:\/\/lotledger\.example\/invitations\/[\w-]{43}$/);
    expect(await db.invitation.count({ where: { email: "nobody@people.test" } })).toBe(1);
    expect(logged.at(-1)).toBe(
      `[invitations] could not email the invitation to nobody@people.test: 127.0.0.1:${new URL(smtp.url).port} refused every recipient: nobody@people.test (550 No such mailbox: nobody@people.test)`,
    );
    expect(smtp.received).toHaveLength(1);
  });

  it("says the email failed when the server cannot be reached, and logs no link", async () => {
    const down = { ...mail, smtpUrl: `smtp://127.0.0.1:${await findFreePort()}` };
    const invitation = await invite("later@people.test", down);
    expect(invitation.delivery).toBe("email-failed");
    expect(logged.at(-1)).toMatch(
      /^\[invitations\] could not email the invitation to later@people\.test: 127\.0\.0\.1:\d+ could not be reached: connect ECONNREFUSED/,
    );
    expect(logged.join("\n")).not.toContain("/invitations/");
  });

  it("uses email only when SMTP_URL and MAIL_FROM are set", () => {
    expect(invitationTransportFor({})).toBe(logInvitationTransport);
    expect(invitationTransportFor({ SMTP_URL: smtp.url, MAIL_FROM: "a@lotledger.test" })).not.toBe(
      logInvitationTransport,
    );
  });
});
