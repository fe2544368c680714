-- CreateIndex
CREATE INDEX "Walker_eventId_id_idx" ON "Walker"("eventId", "id");

