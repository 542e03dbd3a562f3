-- CreateTable
CREATE TABLE "SsccSequence" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "companyPrefix" TEXT NOT NULL,
    "nextSerialReference" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SsccSequence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SsccSequence_organizationId_companyPrefix_key" ON "SsccSequence"("organizationId", "companyPrefix");

-- AddForeignKey
ALTER TABLE "SsccSequence" ADD CONSTRAINT "SsccSequence_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
