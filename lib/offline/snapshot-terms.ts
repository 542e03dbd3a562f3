import { z } from "zod";

// In the browser zod must not probe for eval (it would try `new Function` when the schema below is
// built): the staff pages' Content-Security-Policy reports that probe as a violation.
if (typeof window !== "undefined") z.config({ jitless: true });

// What the phone keeps to answer a scan without the network: the lots the member's organisation is
// sent or holds, each with the recall covering it. Shared by the route and the page (zod both ways:
// the phone checks a cached copy before trusting it).

export const offlineLot = z.object({
  lotId: z.string(),
  gtin: z.string(),
  lotCode: z.string(),
  product: z.string().nullable(),
  /** incoming: shipped to the organisation and not answered yet; held: in its custody. */
  holding: z.enum(["incoming", "held"]),
  /** The recall in force covering the lot (itself or a lot it was made from), or null. */
  recall: z
    .object({
      /** null when another deployment recalled it on the ledger: nothing to mark removed here. */
      recallId: z.string().nullable(),
      recalledLotCode: z.string(),
    })
    .nullable(),
});

export const offlineSnapshot = z.object({
  takenAt: z.string(),
  organization: z.string(),
  /** A read-only account queues nothing: the page says whom to ask instead. */
  canWrite: z.boolean(),
  lots: z.array(offlineLot),
});

export type OfflineLot = z.infer<typeof offlineLot>;
export type OfflineSnapshot = z.infer<typeof offlineSnapshot>;

export const SNAPSHOT_URL = "/api/offline/snapshot";
