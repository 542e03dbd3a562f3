-- DropIndex
DROP INDEX "LedgerEvent_chainId_txHash_logIndex_key";

-- CreateTable
CREATE TABLE "LogisticUnit" (
    "sscc" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "packer" TEXT NOT NULL,
    "contentsRoot" TEXT NOT NULL,
    "lotIds" TEXT[],
    "payloadHash" TEXT,
    "packedTxHash" TEXT NOT NULL,
    "packedBlock" INTEGER NOT NULL,
    "unpackedBy" TEXT,
    "unpackedTxHash" TEXT,
    "unpackedBlock" INTEGER,
    "unpackPayloadHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LogisticUnit_pkey" PRIMARY KEY ("sscc")
);

-- CreateTable
CREATE TABLE "Shipment" (
    "chainId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "reference" TEXT,
    "sender" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "lotIds" TEXT[],
    "ssccs" TEXT[],
    "payloadHash" TEXT,
    "txHash" TEXT NOT NULL,
    "blockNumber" INTEGER NOT NULL,
    "answer" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shipment_pkey" PRIMARY KEY ("chainId","number")
);

-- CreateIndex
CREATE INDEX "LogisticUnit_packer_packedBlock_idx" ON "LogisticUnit"("packer", "packedBlock");

-- CreateIndex
CREATE INDEX "LogisticUnit_lotIds_idx" ON "LogisticUnit" USING GIN ("lotIds");

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_reference_key" ON "Shipment"("reference");

-- CreateIndex
CREATE INDEX "Shipment_sender_blockNumber_idx" ON "Shipment"("sender", "blockNumber");

-- CreateIndex
CREATE INDEX "Shipment_recipient_blockNumber_idx" ON "Shipment"("recipient", "blockNumber");

-- CreateIndex
CREATE INDEX "Shipment_lotIds_idx" ON "Shipment" USING GIN ("lotIds");

-- CreateIndex
CREATE INDEX "Shipment_ssccs_idx" ON "Shipment" USING GIN ("ssccs");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEvent_chainId_txHash_logIndex_lotId_key" ON "LedgerEvent"("chainId", "txHash", "logIndex", "lotId");
