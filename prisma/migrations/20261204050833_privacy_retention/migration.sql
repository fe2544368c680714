-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "personalDataErasedAt" TIMESTAMPTZ(3),
ADD COLUMN     "retentionDays" INTEGER NOT NULL DEFAULT 60;

-- AlterTable
ALTER TABLE "RegistrationGroup" ADD COLUMN     "erasedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Walker" ADD COLUMN     "erasedAt" TIMESTAMPTZ(3),
ADD COLUMN     "privacyVersion" TEXT;

-- CreateTable
CREATE TABLE "EditionSummary" (
    "eventId" UUID NOT NULL,
    "counts" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EditionSummary_pkey" PRIMARY KEY ("eventId")
);

-- AddForeignKey
ALTER TABLE "EditionSummary" ADD CONSTRAINT "EditionSummary_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

