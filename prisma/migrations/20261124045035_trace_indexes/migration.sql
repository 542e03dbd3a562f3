-- CreateIndex
CREATE INDEX "Package_serial_idx" ON "Package"("serial");
