-- CreateEnum
CREATE TYPE "RecallConcern" AS ENUM ('HOLDS_STOCK', 'HELD_STOCK', 'SOURCE');

-- CreateEnum
CREATE TYPE "RecallDispositionKind" AS ENUM ('REMOVED_FROM_SALE', 'DESTROYED', 'RETURNED_TO_SUPPLIER', 'ALREADY_SOLD');

-- AlterTable
ALTER TABLE "Recall" ADD COLUMN     "liftApprovedById" TEXT,
ADD COLUMN     "liftRequestedAt" TIMESTAMP(3),
ADD COLUMN     "linkedFromRecallId" TEXT;

-- AlterTable
ALTER TABLE "RecallAcknowledgement" ADD COLUMN     "concern" "RecallConcern" NOT NULL DEFAULT 'HOLDS_STOCK',
ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RecallDisposition" (
    "id" TEXT NOT NULL,
    "recallId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "kind" "RecallDispositionKind" NOT NULL,
    "quantity" DECIMAL(65,30) NOT NULL,
    "unit" TEXT,
    "reportedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecallDisposition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RecallDisposition_recallId_lotId_organizationId_kind_key" ON "RecallDisposition"("recallId", "lotId", "organizationId", "kind");

-- CreateIndex
CREATE INDEX "Recall_linkedFromRecallId_idx" ON "Recall"("linkedFromRecallId");

-- AddForeignKey
ALTER TABLE "RecallDisposition" ADD CONSTRAINT "RecallDisposition_recallId_fkey" FOREIGN KEY ("recallId") REFERENCES "Recall"("id") ON DELETE CASCADE ON UPDATE CASCADE;
