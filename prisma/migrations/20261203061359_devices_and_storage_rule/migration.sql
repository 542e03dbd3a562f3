-- CreateEnum
CREATE TYPE "DeviceStatus" AS ENUM ('PENDING', 'ACTIVE', 'REVOKED');

-- AlterTable
ALTER TABLE "Lot" ADD COLUMN     "isOnHold" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "coldChainAlertId" TEXT,
ALTER COLUMN "recallId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "TemperatureReading" ADD COLUMN     "deviceId" TEXT;

-- CreateTable
CREATE TABLE "Device" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "DeviceStatus" NOT NULL DEFAULT 'PENDING',
    "lastSequence" INTEGER NOT NULL DEFAULT 0,
    "registeredTxHash" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeviceAttachment" (
    "id" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "lotId" TEXT,
    "shipmentId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeviceAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeviceBatch" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "deviceId" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "readingsRoot" TEXT NOT NULL,
    "readingCount" INTEGER NOT NULL,
    "firstReadingAt" TIMESTAMP(3) NOT NULL,
    "lastReadingAt" TIMESTAMP(3) NOT NULL,
    "minMilliCelsius" INTEGER NOT NULL,
    "maxMilliCelsius" INTEGER NOT NULL,
    "minutesOutsideRange" INTEGER NOT NULL,
    "signature" TEXT NOT NULL,
    "ledgerTransactionId" TEXT NOT NULL,
    "anchoredTxHash" TEXT,
    "anchoredBlock" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeviceBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StorageRule" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "gtin" TEXT NOT NULL,
    "minMilliCelsius" INTEGER NOT NULL,
    "maxMilliCelsius" INTEGER NOT NULL,
    "allowedExcursionMinutes" INTEGER NOT NULL,
    "setBy" TEXT NOT NULL,
    "txHash" TEXT NOT NULL,
    "blockNumber" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StorageRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LotHold" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "lotId" TEXT NOT NULL,
    "deviceAddress" TEXT NOT NULL,
    "readingsRoot" TEXT NOT NULL,
    "minMilliCelsius" INTEGER NOT NULL,
    "maxMilliCelsius" INTEGER NOT NULL,
    "excursionMinutes" INTEGER NOT NULL,
    "heldTxHash" TEXT NOT NULL,
    "heldLogIndex" INTEGER NOT NULL,
    "heldBlock" INTEGER NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL,
    "releasedBy" TEXT,
    "releaseReasonHash" TEXT,
    "releasedTxHash" TEXT,
    "releasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LotHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ColdChainAlert" (
    "id" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "worstMilliCelsius" INTEGER NOT NULL,
    "minutesOutside" INTEGER NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ColdChainAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Device_organizationId_idx" ON "Device"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Device_chainId_address_key" ON "Device"("chainId", "address");

-- CreateIndex
CREATE INDEX "DeviceAttachment_deviceId_startsAt_idx" ON "DeviceAttachment"("deviceId", "startsAt");

-- CreateIndex
CREATE INDEX "DeviceAttachment_lotId_idx" ON "DeviceAttachment"("lotId");

-- CreateIndex
CREATE INDEX "DeviceAttachment_shipmentId_idx" ON "DeviceAttachment"("shipmentId");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceBatch_ledgerTransactionId_key" ON "DeviceBatch"("ledgerTransactionId");

-- CreateIndex
CREATE INDEX "DeviceBatch_lotId_firstReadingAt_idx" ON "DeviceBatch"("lotId", "firstReadingAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceBatch_deviceId_sequence_key" ON "DeviceBatch"("deviceId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "StorageRule_chainId_gtin_key" ON "StorageRule"("chainId", "gtin");

-- CreateIndex
CREATE INDEX "LotHold_lotId_heldBlock_idx" ON "LotHold"("lotId", "heldBlock");

-- CreateIndex
CREATE UNIQUE INDEX "LotHold_chainId_heldTxHash_heldLogIndex_key" ON "LotHold"("chainId", "heldTxHash", "heldLogIndex");

-- CreateIndex
CREATE INDEX "ColdChainAlert_organizationId_acknowledgedAt_idx" ON "ColdChainAlert"("organizationId", "acknowledgedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ColdChainAlert_lotId_organizationId_startedAt_key" ON "ColdChainAlert"("lotId", "organizationId", "startedAt");

-- CreateIndex
CREATE INDEX "Notification_coldChainAlertId_idx" ON "Notification"("coldChainAlertId");

-- CreateIndex
CREATE UNIQUE INDEX "TemperatureReading_deviceId_lotId_takenAt_key" ON "TemperatureReading"("deviceId", "lotId", "takenAt");
