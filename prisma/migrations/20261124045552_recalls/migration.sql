-- CreateEnum
CREATE TYPE "RecallSeverity" AS ENUM ('CLASS_I', 'CLASS_II', 'CLASS_III');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'DELIVERED', 'CANCELLED', 'FAILED');

-- CreateTable
CREATE TABLE "Recall" (
    "id" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "gtin" TEXT NOT NULL,
    "lotCode" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "severity" "RecallSeverity" NOT NULL,
    "initiatedById" TEXT NOT NULL,
    "initiatedByOrganizationId" TEXT NOT NULL,
    "ledgerTransactionId" TEXT NOT NULL,
    "payloadHash" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecallAcknowledgement" (
    "id" TEXT NOT NULL,
    "recallId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecallAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecallRemoval" (
    "id" TEXT NOT NULL,
    "recallId" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "removedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecallRemoval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "recallId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "transport" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "organizationId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "encryptedSecret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Recall_ledgerTransactionId_key" ON "Recall"("ledgerTransactionId");

-- CreateIndex
CREATE INDEX "Recall_lotId_idx" ON "Recall"("lotId");

-- CreateIndex
CREATE INDEX "Recall_initiatedByOrganizationId_idx" ON "Recall"("initiatedByOrganizationId");

-- CreateIndex
CREATE INDEX "Recall_closedAt_idx" ON "Recall"("closedAt");

-- CreateIndex
CREATE INDEX "RecallAcknowledgement_organizationId_acknowledgedAt_idx" ON "RecallAcknowledgement"("organizationId", "acknowledgedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecallAcknowledgement_recallId_organizationId_key" ON "RecallAcknowledgement"("recallId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "RecallRemoval_packageId_key" ON "RecallRemoval"("packageId");

-- CreateIndex
CREATE INDEX "RecallRemoval_recallId_idx" ON "RecallRemoval"("recallId");

-- CreateIndex
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_recallId_idx" ON "Notification"("recallId");

-- CreateIndex
CREATE INDEX "Notification_organizationId_idx" ON "Notification"("organizationId");

-- AddForeignKey
ALTER TABLE "RecallAcknowledgement" ADD CONSTRAINT "RecallAcknowledgement_recallId_fkey" FOREIGN KEY ("recallId") REFERENCES "Recall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecallRemoval" ADD CONSTRAINT "RecallRemoval_recallId_fkey" FOREIGN KEY ("recallId") REFERENCES "Recall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recallId_fkey" FOREIGN KEY ("recallId") REFERENCES "Recall"("id") ON DELETE CASCADE ON UPDATE CASCADE;
