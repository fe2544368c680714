-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "language" "Language" NOT NULL DEFAULT 'EN';

