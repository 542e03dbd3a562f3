-- Written by hand (triggers are not part of the Prisma schema, so `migrate create` has nothing to diff).
-- A product's master data names its lots on the public pages and in the linkset (itemDescription,
-- gs1:relatedImage): an edited product tells every web server to drop what it cached, as an edited
-- organisation or site does. Products change rarely, so "*" costs little.
CREATE TRIGGER "Product_provenance" AFTER INSERT OR UPDATE OR DELETE ON "Product"
  FOR EACH STATEMENT EXECUTE FUNCTION "provenance_changed_all"();
