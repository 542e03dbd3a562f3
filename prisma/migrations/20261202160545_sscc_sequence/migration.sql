-- CreateTable
CREATE TABLE "SsccSequence" (
    "companyPrefix" TEXT NOT NULL,
    "nextSerialReference" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SsccSequence_pkey" PRIMARY KEY ("companyPrefix")
);
