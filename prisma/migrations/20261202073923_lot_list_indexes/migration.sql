-- Trigram indexes answer "any part of a lot code or GTIN" searches (lib/lots/list-lots.ts). pg_trgm ships
-- with PostgreSQL (contrib); the schema names it only through the indexes' operator class.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Lot_custodian_createdBlock_id_idx" ON "Lot"("custodian", "createdBlock", "id");

-- CreateIndex
CREATE INDEX "Lot_custodian_lotCode_id_idx" ON "Lot"("custodian", "lotCode", "id");

-- CreateIndex
CREATE INDEX "Lot_lotCode_trgm_idx" ON "Lot" USING GIN ("lotCode" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Lot_gtin_trgm_idx" ON "Lot" USING GIN ("gtin" gin_trgm_ops);
