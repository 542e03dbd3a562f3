-- Written by hand, like the change feed it extends (20261124050000_provenance_change_feed).
-- The public page of a lot shows its temperature readings and whether they still match the root
-- anchored on the ledger, so a written, changed or deleted reading notifies its lot's id, and a
-- TRUNCATE notifies "*". Without these triggers a cached page would never show new readings.

CREATE TRIGGER "TemperatureReading_provenance_insert" AFTER INSERT ON "TemperatureReading"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_lot_rows"();
CREATE TRIGGER "TemperatureReading_provenance_update" AFTER UPDATE ON "TemperatureReading"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_lot_rows"();
CREATE TRIGGER "TemperatureReading_provenance_delete" AFTER DELETE ON "TemperatureReading"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_lot_rows"();
CREATE TRIGGER "TemperatureReading_provenance_truncate" AFTER TRUNCATE ON "TemperatureReading"
  FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_all"();
