-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "contactEmail" TEXT;

