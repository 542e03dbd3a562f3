-- Written by hand, like the change feed it extends (20261124050000_provenance_change_feed).
-- A recall covers everything made from the recalled lot, but the chain, and so the indexer, marks only
-- the recalled lot itself. A public page of a lot made from it shows the recall banner too, so when a
-- lot becomes RECALLED (or a recall is lifted) every cached page may be out of date: the update then
-- notifies "*". Recalls are rare; an exact list would cost a walk of the lineage inside the trigger.

CREATE FUNCTION "provenance_changed_lot_updates"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM changed c JOIN previous p ON p."id" = c."id"
    WHERE (p."status" = 'RECALLED') IS DISTINCT FROM (c."status" = 'RECALLED')
  ) THEN
    PERFORM pg_notify('lotledger_provenance', '*');
  ELSE
    PERFORM "provenance_notify"((SELECT array_agg(DISTINCT "id") FROM changed));
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER "Lot_provenance_update" ON "Lot";
CREATE TRIGGER "Lot_provenance_update" AFTER UPDATE ON "Lot"
  REFERENCING OLD TABLE AS previous NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_lot_updates"();
