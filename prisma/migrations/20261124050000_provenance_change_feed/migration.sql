-- Written by hand (triggers are not part of the Prisma schema, so `migrate create` has nothing to diff).
-- Tells every web server which lots' public pages changed, whoever changed them: the indexer, a
-- reindex, a rewritten payload, package commissioning. Web servers LISTEN on lotledger_provenance and
-- drop what they cached for those lots. The message is the changed lot ids, comma-separated, or "*"
-- for "anything may have changed" (more than 100 lots at once, organisations and sites, TRUNCATE).
-- Statement-level triggers: one message per statement, however many rows it wrote. A trigger with a
-- transition table can fire on one kind of statement only, hence one per INSERT, UPDATE and DELETE.

CREATE FUNCTION "provenance_notify"(lot_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF lot_ids IS NULL OR cardinality(lot_ids) = 0 THEN
    RETURN;
  ELSIF cardinality(lot_ids) > 100 THEN
    PERFORM pg_notify('lotledger_provenance', '*');
  ELSE
    PERFORM pg_notify('lotledger_provenance', array_to_string(lot_ids, ','));
  END IF;
END $$;

-- "Lot": the changed rows' ids.
CREATE FUNCTION "provenance_changed_lots"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "provenance_notify"((SELECT array_agg(DISTINCT "id") FROM changed));
  RETURN NULL;
END $$;

-- "LedgerEvent" and "Package": the lots of the changed rows.
CREATE FUNCTION "provenance_changed_lot_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "provenance_notify"((SELECT array_agg(DISTINCT "lotId") FROM changed));
  RETURN NULL;
END $$;

-- "EventPayload": the lots whose ledger events carry a changed payload's hash.
CREATE FUNCTION "provenance_changed_payloads"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "provenance_notify"((
    SELECT array_agg(DISTINCT e."lotId") FROM changed c JOIN "LedgerEvent" e ON e."payloadHash" = c."hash"
  ));
  RETURN NULL;
END $$;

-- Organisations and their sites name the places on every page.
CREATE FUNCTION "provenance_changed_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lotledger_provenance', '*');
  RETURN NULL;
END $$;

CREATE TRIGGER "Lot_provenance_insert" AFTER INSERT ON "Lot"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_lots"();
CREATE TRIGGER "Lot_provenance_update" AFTER UPDATE ON "Lot"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_lots"();
CREATE TRIGGER "Lot_provenance_delete" AFTER DELETE ON "Lot"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_lots"();

CREATE TRIGGER "LedgerEvent_provenance_insert" AFTER INSERT ON "LedgerEvent"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_lot_rows"();
CREATE TRIGGER "LedgerEvent_provenance_update" AFTER UPDATE ON "LedgerEvent"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_lot_rows"();
CREATE TRIGGER "LedgerEvent_provenance_delete" AFTER DELETE ON "LedgerEvent"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_lot_rows"();

CREATE TRIGGER "Package_provenance_insert" AFTER INSERT ON "Package"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_lot_rows"();
CREATE TRIGGER "Package_provenance_update" AFTER UPDATE ON "Package"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_lot_rows"();
CREATE TRIGGER "Package_provenance_delete" AFTER DELETE ON "Package"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_lot_rows"();

CREATE TRIGGER "EventPayload_provenance_insert" AFTER INSERT ON "EventPayload"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_payloads"();
CREATE TRIGGER "EventPayload_provenance_update" AFTER UPDATE ON "EventPayload"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_payloads"();
CREATE TRIGGER "EventPayload_provenance_delete" AFTER DELETE ON "EventPayload"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_payloads"();

CREATE TRIGGER "Organization_provenance" AFTER INSERT OR UPDATE OR DELETE ON "Organization"
  FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_all"();
CREATE TRIGGER "Location_provenance" AFTER INSERT OR UPDATE OR DELETE ON "Location"
  FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_all"();
CREATE TRIGGER "Lot_provenance_truncate" AFTER TRUNCATE ON "Lot"
  FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_all"();
CREATE TRIGGER "LedgerEvent_provenance_truncate" AFTER TRUNCATE ON "LedgerEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_all"();
CREATE TRIGGER "Package_provenance_truncate" AFTER TRUNCATE ON "Package"
  FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_all"();
CREATE TRIGGER "EventPayload_provenance_truncate" AFTER TRUNCATE ON "EventPayload"
  FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_all"();
