-- DropIndex
DROP INDEX "Walker_eventId_id_idx";

-- DropIndex
DROP INDEX "Walker_eventId_status_ageBand_tshirtSize_language_idx";

-- CreateIndex
CREATE INDEX "Walker_eventId_status_ageBand_tshirtSize_language_id_idx" ON "Walker"("eventId", "status", "ageBand", "tshirtSize", "language", "id");

