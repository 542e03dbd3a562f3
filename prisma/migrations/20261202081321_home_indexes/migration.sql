-- CreateIndex
CREATE INDEX "LedgerEvent_actor_name_blockNumber_idx" ON "LedgerEvent"("actor", "name", "blockNumber");

-- CreateIndex
CREATE INDEX "Lot_producer_createdAt_idx" ON "Lot"("producer", "createdAt");

-- CreateIndex
CREATE INDEX "Lot_recipient_status_updatedAt_idx" ON "Lot"("recipient", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Lot_custodian_updatedAt_idx" ON "Lot"("custodian", "updatedAt");

-- CreateIndex
CREATE INDEX "Lot_custodian_status_gtin_unit_idx" ON "Lot"("custodian", "status", "gtin", "unit");
