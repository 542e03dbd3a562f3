import { openOfflineDb } from "./queue-store";
import { type OfflineSnapshot, offlineSnapshot, SNAPSHOT_URL } from "./snapshot-terms";

/**
 * The offline snapshot of the user's lots: fresh from the server (or, offline, the copy the service
 * worker kept) and then saved in IndexedDB; offline without the service worker (a first visit, a
 * browser that evicted it), the copy saved there. Null when the phone has none.
 */
export async function loadSnapshot(userId: string): Promise<OfflineSnapshot | null> {
  const fetched = await fetchSnapshot();
  const db = await openOfflineDb();
  if (fetched) {
    await db.put("snapshots", fetched, userId);
    return fetched;
  }
  const saved = offlineSnapshot.safeParse(await db.get("snapshots", userId));
  return saved.success ? saved.data : null;
}

async function fetchSnapshot(): Promise<OfflineSnapshot | null> {
  try {
    const response = await fetch(SNAPSHOT_URL);
    if (!response.ok) return null;
    const parsed = offlineSnapshot.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
