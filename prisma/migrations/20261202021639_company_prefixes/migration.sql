-- CreateTable
CREATE TABLE "CompanyPrefix" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CompanyPrefix_pkey" PRIMARY KEY ("id"),
    -- A GS1 company prefix: 6 to 12 digits, leading zeros kept (Prisma has no schema syntax for it).
    CONSTRAINT "CompanyPrefix_prefix_digits" CHECK ("prefix" ~ '^[0-9]{6,12}$')
);

-- CreateIndex
CREATE INDEX "CompanyPrefix_prefix_idx" ON "CompanyPrefix"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "CompanyPrefix_organizationId_prefix_key" ON "CompanyPrefix"("organizationId", "prefix");

-- AddForeignKey
ALTER TABLE "CompanyPrefix" ADD CONSTRAINT "CompanyPrefix_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
