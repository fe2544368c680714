-- CreateEnum
CREATE TYPE "EditionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'PAST');

-- CreateEnum
CREATE TYPE "LegalTextKind" AS ENUM ('WAIVER', 'PRIVACY');

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "contentVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "copiedFromId" UUID,
ADD COLUMN     "descriptionEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "descriptionEs" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "meetingPointEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "meetingPointEs" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "privacyVersion" TEXT,
ADD COLUMN     "publishedAt" TIMESTAMPTZ(3),
ADD COLUMN     "publishedSlot" BOOLEAN,
ADD COLUMN     "reportingSignsEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reportingSignsEs" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "status" "EditionStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "venueAddressEs" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "venueNameEs" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "whatToBringEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "whatToBringEs" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ProgrammeItem" ADD COLUMN     "speaker" TEXT;

-- AlterTable
ALTER TABLE "Booth" ADD COLUMN     "priceNoteEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "priceNoteEs" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ReportingResource" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "phone" TEXT,
    "url" TEXT,
    "hoursEn" TEXT NOT NULL DEFAULT '',
    "hoursEs" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportingResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalText" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "kind" "LegalTextKind" NOT NULL,
    "version" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "bodyEs" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LegalText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportingResource_eventId_sortOrder_idx" ON "ReportingResource"("eventId", "sortOrder");

-- CreateIndex
CREATE INDEX "LegalText_eventId_kind_createdAt_idx" ON "LegalText"("eventId", "kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LegalText_eventId_kind_version_key" ON "LegalText"("eventId", "kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Event_publishedSlot_key" ON "Event"("publishedSlot");

-- AddForeignKey
ALTER TABLE "ReportingResource" ADD CONSTRAINT "ReportingResource_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalText" ADD CONSTRAINT "LegalText_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalText" ADD CONSTRAINT "LegalText_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Data: the walks that exist become editions. The current walk (the next still to end, else the most
-- recent: lib/events/current.ts before editions) is the published one; the others are past. The venue
-- is a name and an address that read the same in Spanish.
UPDATE "Event" SET "status" = 'PAST', "publishedAt" = "createdAt",
       "venueNameEs" = "venueName", "venueAddressEs" = "venueAddress";
UPDATE "Event" SET "status" = 'PUBLISHED', "publishedSlot" = TRUE
 WHERE "id" = (SELECT "id" FROM "Event" ORDER BY ("endsAt" > now()) DESC,
                      CASE WHEN "endsAt" > now() THEN "startsAt" END ASC, "startsAt" DESC LIMIT 1);
