-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'EXPORTED_EPCIS';

-- CreateTable
CREATE TABLE "EpcisQuery" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EpcisQuery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpcisSubscription" (
    "id" TEXT NOT NULL,
    "queryId" TEXT NOT NULL,
    "dest" TEXT NOT NULL,
    "encryptedSignatureToken" TEXT NOT NULL,
    "stream" BOOLEAN NOT NULL DEFAULT true,
    "afterRecordTime" TIMESTAMPTZ(3) NOT NULL,
    "afterEventRowId" TEXT NOT NULL DEFAULT '',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "lastNotifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EpcisSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EpcisQuery_organizationId_name_key" ON "EpcisQuery"("organizationId", "name");

-- CreateIndex
CREATE INDEX "EpcisSubscription_queryId_idx" ON "EpcisSubscription"("queryId");

-- CreateIndex
CREATE INDEX "EpcisSubscription_nextAttemptAt_idx" ON "EpcisSubscription"("nextAttemptAt");

-- AddForeignKey
ALTER TABLE "EpcisQuery" ADD CONSTRAINT "EpcisQuery_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpcisSubscription" ADD CONSTRAINT "EpcisSubscription_queryId_fkey" FOREIGN KEY ("queryId") REFERENCES "EpcisQuery"("id") ON DELETE CASCADE ON UPDATE CASCADE;
