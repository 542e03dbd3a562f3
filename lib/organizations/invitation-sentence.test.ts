import { describe, expect, it } from "vitest";
import { invitationSentence } from "./invitation-sentence";

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
