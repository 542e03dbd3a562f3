-- AlterTable
ALTER TABLE "Lot" ALTER COLUMN "producer" DROP NOT NULL;
