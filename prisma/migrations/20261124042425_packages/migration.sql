-- CreateTable
CREATE TABLE "Package" (
    "id" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "ledgerTransactionId" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3),
    "removedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Package_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Package_ledgerTransactionId_idx" ON "Package"("ledgerTransactionId");

-- CreateIndex
CREATE UNIQUE INDEX "Package_lotId_serial_key" ON "Package"("lotId", "serial");
