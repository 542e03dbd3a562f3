-- AlterTable
ALTER TABLE "Recall" ADD COLUMN     "liftLedgerTransactionId" TEXT,
ADD COLUMN     "liftPayloadHash" TEXT,
ADD COLUMN     "liftReason" TEXT,
ADD COLUMN     "liftedById" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Recall_liftLedgerTransactionId_key" ON "Recall"("liftLedgerTransactionId");
