-- CreateEnum
CREATE TYPE "LedgerTransactionStatus" AS ENUM ('PENDING', 'SIGNED', 'CONFIRMED', 'FAILED');

-- CreateTable
CREATE TABLE "LedgerTransaction" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "requestedById" TEXT,
    "method" TEXT NOT NULL,
    "args" JSONB NOT NULL,
    "payloadHash" TEXT,
    "lotId" TEXT,
    "status" "LedgerTransactionStatus" NOT NULL DEFAULT 'PENDING',
    "signerAddress" TEXT NOT NULL,
    "nonce" INTEGER,
    "rawTransaction" TEXT,
    "txHash" TEXT,
    "blockNumber" INTEGER,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LedgerTransaction_txHash_key" ON "LedgerTransaction"("txHash");

-- CreateIndex
CREATE INDEX "LedgerTransaction_status_createdAt_idx" ON "LedgerTransaction"("status", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerTransaction_organizationId_createdAt_idx" ON "LedgerTransaction"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerTransaction_lotId_idx" ON "LedgerTransaction"("lotId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerTransaction_signerAddress_nonce_key" ON "LedgerTransaction"("signerAddress", "nonce");

-- AddForeignKey
ALTER TABLE "LedgerTransaction" ADD CONSTRAINT "LedgerTransaction_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
