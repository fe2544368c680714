-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Walker_firstName_idx" ON "Walker" USING GIN ("firstName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Walker_lastName_idx" ON "Walker" USING GIN ("lastName" gin_trgm_ops);

