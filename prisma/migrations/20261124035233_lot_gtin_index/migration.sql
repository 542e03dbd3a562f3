-- CreateIndex
CREATE INDEX "Lot_gtin_idx" ON "Lot"("gtin");
