-- CreateIndex
CREATE INDEX "Walker_eventId_seq_idx" ON "Walker"("eventId", "seq");

-- CreateIndex
CREATE INDEX "Walker_eventId_status_ageBand_tshirtSize_language_idx" ON "Walker"("eventId", "status", "ageBand", "tshirtSize", "language");

