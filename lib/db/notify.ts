import pg from "pg";

// PostgreSQL's LISTEN/NOTIFY, for the workers to wake on what others commit instead of polling:
// the outbox trigger (prisma/migrations/…_outbox_notify) says "a write was queued", the indexer says
// "the read model reached block N". A notification is sent on commit, so a listener that wakes on
// it reads what was committed.

/** Notified, with no payload, when rows are added to the outbox (a trigger, on commit). */
export const OUTBOX_CHANNEL = "ledger_outbox";
/** Notified by the indexer with the block it reached, after each checkpoint advance. */
export const INDEXED_CHANNEL = "ledger_indexed";

const RECONNECT_MS = 1_000;

/**
 * LISTENs to `channel` on a connection of its own until stopped, reconnecting a second after the
 * connection is lost. `onNotify` gets each payload ("" for none). Notifications sent while the
 * connection was down are lost, so `onListening` hears `true` each time listening (re)starts — the
 * listener should then look for itself — and `false` when the connection is lost (by default both
 * ring `onNotify("")`, which is all a worker that wakes on a channel needs).
 */
export function listenTo(
  databaseUrl: string,
  channel: string,
  onNotify: (payload: string) => void,
  onListening: (isListening: boolean) => void = (isListening) => {
    if (isListening) onNotify("");
  },
): { stop(): Promise<void> } {
  let client: pg.Client | null = null;
  let isStopped = false;
  const connect = async () => {
    const next = new pg.Client({
      connectionString: databaseUrl,
      application_name: `${process.env.PGAPPNAME ?? "lotledger"} listener`,
    });
    client = next;
    const lost = () => {
      onListening(false);
      if (client !== next || isStopped) return;
      client = null;
      next.end().catch(() => undefined);
      setTimeout(() => void connect(), RECONNECT_MS).unref();
    };
    next.on("error", lost);
    next.on("end", lost);
    next.on("notification", (message) => {
      if (message.channel === channel) onNotify(message.payload ?? "");
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      if (client === next && !isStopped) onListening(true);
    } catch {
      lost();
    }
  };
  void connect();
  return {
    async stop() {
      isStopped = true;
      onListening(false);
      await client?.end().catch(() => undefined);
    },
  };
}
