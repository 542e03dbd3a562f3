import { type OfflineSnapshot, offlineSnapshot, SNAPSHOT_URL } from "./snapshot-terms";

/**
 * The offline snapshot of lots: fresh from the server, or offline the copy the service worker kept
 * (public/sw.js); null when the phone has none (never opened online since installing) or it does
 * not read as one.
 */
export async function loadSnapshot(): Promise<OfflineSnapshot | null> {
  try {
    const response = await fetch(SNAPSHOT_URL);
    if (!response.ok) return null;
    const parsed = offlineSnapshot.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
