-- AlterTable
ALTER TABLE "Lot" ADD COLUMN     "payloadHash" TEXT,
ADD COLUMN     "producer" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "recallReasonHash" TEXT,
ADD COLUMN     "recipient" TEXT,
ADD COLUMN     "serialsRoot" TEXT;

-- Lots indexed before this migration were all made by createLot: their first custodian produced them.
UPDATE "Lot" SET "producer" = "custodian";
ALTER TABLE "Lot" ALTER COLUMN "producer" DROP DEFAULT;

-- CreateTable
CREATE TABLE "LotLineage" (
    "parentId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "txHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LotLineage_pkey" PRIMARY KEY ("parentId","childId")
);

-- CreateIndex
CREATE INDEX "LotLineage_childId_idx" ON "LotLineage"("childId");

-- CreateIndex
CREATE INDEX "Lot_recipient_idx" ON "Lot"("recipient");

-- AddForeignKey
ALTER TABLE "LotLineage" ADD CONSTRAINT "LotLineage_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Lot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotLineage" ADD CONSTRAINT "LotLineage_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Lot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
