-- CreateTable
CREATE TABLE "TemperatureReading" (
    "id" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "ledgerTransactionId" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "celsius" DECIMAL(6,3) NOT NULL,
    "sensorId" TEXT,
    "locationGln" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TemperatureReading_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TemperatureReading_lotId_takenAt_idx" ON "TemperatureReading"("lotId", "takenAt");

-- CreateIndex
CREATE INDEX "TemperatureReading_ledgerTransactionId_idx" ON "TemperatureReading"("ledgerTransactionId");
