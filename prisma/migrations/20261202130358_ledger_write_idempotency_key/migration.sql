-- AlterTable
ALTER TABLE "LedgerTransaction" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "LedgerTransaction_organizationId_idempotencyKey_key" ON "LedgerTransaction"("organizationId", "idempotencyKey");
