import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { invitationSentence } from "./invitation-message";
import { hashInvitationToken, invitationUrl, newInvitationToken } from "./invitations";

describe("invitation tokens", () => {
  it("stores the SHA-256 of a 256-bit token, never the token", () => {
    const { token, tokenHash } = newInvitationToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenHash).not.toContain(token);
    expect(newInvitationToken().token).not.toBe(token);
  });

  it("hashes the same token to the same value, and another to another", () => {
    expect(hashInvitationToken("a")).toBe(hashInvitationToken("a"));
    expect(hashInvitationToken("a")).not.toBe(hashInvitationToken("b"));
  });

  it("links to the accept page on the app's URL, with or without a trailing slash", () => {
    expect(invitationUrl("https://lotledger.example/", "abc_-1")).toBe(
      "https://lotledger.example/invitations/abc_-1",
    );
    expect(invitationUrl("http://localhost:3000", "t")).toBe("http://localhost:3000/invitations/t");
  });
});

const invitation = {
  email: "ines@people.test",
  role: "Staff",
  expiresAt: new Date("2026-12-01T10:00:00Z"),
};

describe("invitationSentence", () => {
  it.each([
    [
      "emailed",
      "We emailed the invitation to ines@people.test. It lets them join as Staff, once, until 1 December 2026.",
    ],
    [
      "link",
      "Send this link to ines@people.test. It lets them join as Staff, once, until 1 December 2026.",
    ],
    [
      "email-failed",
      "We could not email the invitation to ines@people.test: send them this link. It lets them join as Staff, once, until 1 December 2026.",
    ],
  ] as const)("says what happened when the delivery is %s", (delivery, sentence) => {
    expect(invitationSentence({ ...invitation, delivery })).toBe(sentence);
  });
});
