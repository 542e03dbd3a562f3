-- CreateEnum
CREATE TYPE "EpcisCaptureJobStatus" AS ENUM ('RUNNING', 'SUCCESS', 'FAILED');

-- CreateEnum
CREATE TYPE "EpcisCaptureErrorBehaviour" AS ENUM ('ROLLBACK', 'PROCEED');

-- CreateTable
CREATE TABLE "EpcisEvent" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "captureJobId" TEXT,
    "ledgerTransactionId" TEXT,
    "payloadHash" TEXT,
    "type" TEXT NOT NULL,
    "action" TEXT,
    "eventTime" TIMESTAMPTZ(3) NOT NULL,
    "recordTime" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bizStep" TEXT,
    "disposition" TEXT,
    "readPoint" TEXT,
    "bizLocation" TEXT,
    "epcs" TEXT[],
    "epcClasses" TEXT[],
    "lotIds" TEXT[],
    "isErrorDeclaration" BOOLEAN NOT NULL DEFAULT false,
    "document" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EpcisEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpcisCaptureJob" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" "EpcisCaptureJobStatus" NOT NULL DEFAULT 'RUNNING',
    "errorBehaviour" "EpcisCaptureErrorBehaviour" NOT NULL DEFAULT 'ROLLBACK',
    "payloadHash" TEXT NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "acceptedCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "duplicateCount" INTEGER NOT NULL DEFAULT 0,
    "results" JSONB NOT NULL DEFAULT '[]',
    "document" JSONB,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EpcisCaptureJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EpcisEvent_eventId_key" ON "EpcisEvent"("eventId");

-- CreateIndex
CREATE INDEX "EpcisEvent_eventTime_id_idx" ON "EpcisEvent"("eventTime", "id");

-- CreateIndex
CREATE INDEX "EpcisEvent_recordTime_id_idx" ON "EpcisEvent"("recordTime", "id");

-- CreateIndex
CREATE INDEX "EpcisEvent_organizationId_recordTime_idx" ON "EpcisEvent"("organizationId", "recordTime");

-- CreateIndex
CREATE INDEX "EpcisEvent_captureJobId_idx" ON "EpcisEvent"("captureJobId");

-- CreateIndex
CREATE INDEX "EpcisEvent_ledgerTransactionId_idx" ON "EpcisEvent"("ledgerTransactionId");

-- CreateIndex
CREATE INDEX "EpcisEvent_payloadHash_idx" ON "EpcisEvent"("payloadHash");

-- CreateIndex
CREATE INDEX "EpcisEvent_bizStep_idx" ON "EpcisEvent"("bizStep");

-- CreateIndex
CREATE INDEX "EpcisEvent_disposition_idx" ON "EpcisEvent"("disposition");

-- CreateIndex
CREATE INDEX "EpcisEvent_bizLocation_idx" ON "EpcisEvent"("bizLocation");

-- CreateIndex
CREATE INDEX "EpcisEvent_readPoint_idx" ON "EpcisEvent"("readPoint");

-- CreateIndex
CREATE INDEX "EpcisEvent_epcs_idx" ON "EpcisEvent" USING GIN ("epcs");

-- CreateIndex
CREATE INDEX "EpcisEvent_epcClasses_idx" ON "EpcisEvent" USING GIN ("epcClasses");

-- CreateIndex
CREATE INDEX "EpcisEvent_lotIds_idx" ON "EpcisEvent" USING GIN ("lotIds");

-- CreateIndex
CREATE INDEX "EpcisCaptureJob_organizationId_createdAt_idx" ON "EpcisCaptureJob"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "EpcisCaptureJob_status_idx" ON "EpcisCaptureJob"("status");

-- AddForeignKey
ALTER TABLE "EpcisEvent" ADD CONSTRAINT "EpcisEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpcisEvent" ADD CONSTRAINT "EpcisEvent_captureJobId_fkey" FOREIGN KEY ("captureJobId") REFERENCES "EpcisCaptureJob"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpcisCaptureJob" ADD CONSTRAINT "EpcisCaptureJob_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
