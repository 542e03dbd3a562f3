-- AlterTable
ALTER TABLE "LedgerTransaction" ADD COLUMN     "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "sentAtBlock" INTEGER,
ADD COLUMN     "sentHashes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "QuarantinedEvent" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" INTEGER NOT NULL,
    "blockHash" TEXT NOT NULL,
    "txHash" TEXT NOT NULL,
    "txIndex" INTEGER NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "lotId" TEXT,
    "reason" TEXT NOT NULL,
    "args" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuarantinedEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuarantinedEvent_chainId_blockNumber_idx" ON "QuarantinedEvent"("chainId", "blockNumber");

-- CreateIndex
CREATE UNIQUE INDEX "QuarantinedEvent_chainId_txHash_logIndex_key" ON "QuarantinedEvent"("chainId", "txHash", "logIndex");

-- The packages of a lot creation the ledger refused stayed behind, and would be counted (and break
-- the serials' Merkle proof) if the lot code were used again. From now on the sender removes them
-- when it fails a write; these are the ones left before.
DELETE FROM "Package" p USING "LedgerTransaction" t
WHERE p."ledgerTransactionId" = t."id" AND t."status" = 'FAILED';
