import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpReceiver, startSmtpReceiver } from "@/tools/testing/smtp-receiver";
import { deliverPasswordReset, resetPasswordUrl } from "./password-reset-email";

let smtp: SmtpReceiver;
beforeAll(async () => {
  smtp = await startSmtpReceiver();
});
afterAll(() => smtp.stop());

describe("the password reset email", () => {
  it("links to LotLedger's own page with the one-time token", () => {
    expect(resetPasswordUrl("https://lotledger.example/", "a+b/c")).toBe(
      "https://lotledger.example/sign-in/reset-password?token=a%2Bb%2Fc",
    );
  });

  it("goes out over SMTP when mail is set, and to the log when it is not", async () => {
    const url = resetPasswordUrl("https://lotledger.example", "tok123");
    const mail = { smtpUrl: smtp.url, from: "LotLedger <people@lotledger.test>" };
    await deliverPasswordReset(mail, "ines@people.test", url);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({
      to: ["ines@people.test"],
      subject: "Choose a new LotLedger password",
    });
    expect(smtp.received[0]?.text).toContain(url);

    const logged: string[] = [];
    await deliverPasswordReset(undefined, "ines@people.test", url, (line) => logged.push(line));
    expect(logged).toEqual([`[password-reset] a reset link for ines@people.test: ${url}`]);
  });

  it("never throws when the mail server cannot be reached: the page's answer stays the same", async () => {
    const logged: string[] = [];
    const mail = { smtpUrl: "smtp://127.0.0.1:1", from: "people@lotledger.test" };
    await deliverPasswordReset(mail, "ines@people.test", "https://x/", (line) => logged.push(line));
    expect(logged[0]).toMatch(
      /^\[password-reset\] the reset email to ines@people.test was not sent/,
    );
  });
});
