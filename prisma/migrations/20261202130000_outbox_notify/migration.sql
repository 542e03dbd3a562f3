-- Written by hand (triggers are not part of the Prisma schema, so `migrate create` has nothing to diff).
-- The outbox sender LISTENs on ledger_outbox (lib/db/notify.ts) and wakes when a write is queued,
-- instead of polling the table. One notification per statement, sent by PostgreSQL on commit: the
-- sender never wakes for a row it cannot see yet, and a rolled-back request wakes nobody.
CREATE FUNCTION "notify_ledger_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ledger_outbox', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "LedgerTransaction_notify_outbox"
  AFTER INSERT ON "LedgerTransaction"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_ledger_outbox"();
