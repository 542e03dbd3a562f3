-- The audit log's table as Prisma generates it, then the trigger that makes it append-only (written
-- by hand: triggers are not part of the Prisma schema). The database itself refuses to change or
-- delete an entry, whichever client asks. Whoever owns the table can still drop the trigger: against
-- the operator, the log is as strong as the database's access control (docs/audit-log.md).

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('RECORDED_EVENT', 'RECORDED_READINGS', 'SHIPPED', 'RECEIVED', 'REFUSED_DELIVERY', 'STARTED_RECALL', 'ACKNOWLEDGED_RECALL', 'REPORTED_REMOVAL', 'LIFTED_RECALL', 'EXPORTED_CSV', 'CHANGED_MEMBERS', 'CHANGED_LOCATIONS', 'CHANGED_WEBHOOK', 'CHANGED_API_KEYS', 'SIGNED_IN', 'SIGN_IN_FAILED');

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" "AuditAction" NOT NULL,
    "summary" TEXT NOT NULL,
    "userId" TEXT,
    "actorName" TEXT NOT NULL,
    "apiKeyId" TEXT,
    "apiKeyName" TEXT,
    "organizationId" TEXT,
    "organizationName" TEXT,
    "lotId" TEXT,
    "lotCode" TEXT,
    "recallId" TEXT,
    "ledgerTransactionId" TEXT,
    "subjectId" TEXT,
    "clientAddress" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_organizationId_createdAt_idx" ON "AuditEntry"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_action_createdAt_idx" ON "AuditEntry"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_userId_idx" ON "AuditEntry"("userId");

-- CreateIndex
CREATE INDEX "AuditEntry_lotId_idx" ON "AuditEntry"("lotId");

-- CreateIndex
CREATE INDEX "AuditEntry_lotCode_idx" ON "AuditEntry"("lotCode");

-- CreateIndex
CREATE INDEX "AuditEntry_recallId_idx" ON "AuditEntry"("recallId");

-- Append-only: UPDATE, DELETE and TRUNCATE are refused with a sentence.
CREATE FUNCTION "audit_entry_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % of "AuditEntry" is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_refuse_change"();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_refuse_change"();
