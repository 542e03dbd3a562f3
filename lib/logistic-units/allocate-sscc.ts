import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { buildSscc, serialReferenceCapacity } from "@/lib/gs1/sscc";

/**
 * The next SSCC of the organisation's pallets (18 digits): under its oldest GS1 company prefix, the
 * next one when a prefix's serial references are used up. Each serial reference is taken by one
 * statement that counts up and answers at once, so concurrent requests never get the same one, and
 * a number once issued is never issued again (a rolled-back caller's number was never used).
 * Refused with a sentence when the organisation has no prefix, or none with a serial left.
 */
export async function allocateSscc({
  db,
  organizationId,
  extensionDigit = 0,
}: {
  db: Db | Tx;
  organizationId: string;
  extensionDigit?: number;
}): Promise<string> {
  const prefixes = await db.companyPrefix.findMany({
    where: { organizationId },
    select: { prefix: true },
    orderBy: [{ createdAt: "asc" }, { prefix: "asc" }],
  });
  if (prefixes.length === 0) {
    throw new AppError(
      "CONFLICT",
      "Your organisation has no GS1 company prefix registered on LotLedger, so its pallets can't get an SSCC: ask your LotLedger administrator to register your organisation's prefix.",
    );
  }
  for (const { prefix } of prefixes) {
    const serialReference = await takeSerialReference(db, organizationId, prefix);
    if (serialReference < serialReferenceCapacity(prefix)) {
      return buildSscc({ extensionDigit, companyPrefix: prefix, serialReference });
    }
  }
  const list = prefixes.map(({ prefix }) => prefix).join(", ");
  throw new AppError(
    "CONFLICT",
    `Every SSCC serial reference under your GS1 company ${prefixes.length > 1 ? "prefixes" : "prefix"} ${list} has been issued, and an SSCC is never reused: ask your LotLedger administrator to register another prefix of your organisation.`,
  );
}

/** Counts the (organisation, prefix) sequence up by one and answers the number it stood at. */
async function takeSerialReference(
  db: Db | Tx,
  organizationId: string,
  companyPrefix: string,
): Promise<bigint> {
  const [row] = await db.$queryRaw<{ taken: bigint }[]>`
    INSERT INTO "SsccSequence" (id, "organizationId", "companyPrefix", "nextSerialReference", "updatedAt")
    VALUES (gen_random_uuid()::text, ${organizationId}, ${companyPrefix}, 1, now())
    ON CONFLICT ("organizationId", "companyPrefix") DO UPDATE
      SET "nextSerialReference" = "SsccSequence"."nextSerialReference" + 1, "updatedAt" = now()
    RETURNING "nextSerialReference" - 1 AS taken`;
  if (!row) throw new Error("The SSCC sequence answered no row.");
  return BigInt(row.taken);
}
