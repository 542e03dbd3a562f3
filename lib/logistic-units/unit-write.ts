import "server-only";
import type { Db } from "@/lib/db/client";
import { ssccFromUint64 } from "@/lib/gs1/sscc";

/** The SSCC a packUnit or unpackUnit write names (the outbox keeps it as a decimal string). */
export async function ssccOfWrite(db: Db, writeId: string): Promise<string | null> {
  const write = await db.ledgerTransaction.findUnique({
    where: { id: writeId },
    select: { method: true, args: true },
  });
  const [sscc] = (write?.args ?? []) as unknown[];
  const isUnitWrite = write?.method === "packUnit" || write?.method === "unpackUnit";
  return isUnitWrite && typeof sscc === "string" ? ssccFromUint64(sscc) : null;
}
