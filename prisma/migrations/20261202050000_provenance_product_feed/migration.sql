-- Written by hand, like the change feed it extends (20261124050000_provenance_change_feed).
-- The public pages name each lot's product (its name, brand, description and picture), so a change to
-- a product may change any page of its lots, and of lots made from them: notify "*", as organisations
-- and their sites do. Products change rarely; a list of affected lots would cost a lineage walk.

CREATE TRIGGER "Product_provenance" AFTER INSERT OR UPDATE OR DELETE ON "Product"
  FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_all"();
