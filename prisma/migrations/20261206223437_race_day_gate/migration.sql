-- AlterEnum
ALTER TYPE "CheckInMethod" ADD VALUE 'GATE';

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "walkUpPlaces" INTEGER NOT NULL DEFAULT 50;

-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN     "clientId" UUID,
ADD COLUMN     "deviceAt" TIMESTAMPTZ(3),
ADD COLUMN     "gatePassId" UUID;

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "gatePassId" UUID;

-- CreateTable
CREATE TABLE "GatePass" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3),

    CONSTRAINT "GatePass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DuplicateScan" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "walkerId" UUID NOT NULL,
    "gatePassId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "deviceAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DuplicateScan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateSyncItem" (
    "id" UUID NOT NULL,
    "gatePassId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "ticketCode" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GateSyncItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GatePass_tokenHash_key" ON "GatePass"("tokenHash");

-- CreateIndex
CREATE INDEX "GatePass_eventId_createdAt_idx" ON "GatePass"("eventId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DuplicateScan_clientId_key" ON "DuplicateScan"("clientId");

-- CreateIndex
CREATE INDEX "DuplicateScan_eventId_receivedAt_idx" ON "DuplicateScan"("eventId", "receivedAt");

-- CreateIndex
CREATE INDEX "GateSyncItem_gatePassId_idx" ON "GateSyncItem"("gatePassId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_clientId_key" ON "CheckIn"("clientId");

-- CreateIndex
CREATE INDEX "CheckIn_gatePassId_idx" ON "CheckIn"("gatePassId");

-- CreateIndex
CREATE INDEX "AuditLog_gatePassId_idx" ON "AuditLog"("gatePassId");

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_gatePassId_fkey" FOREIGN KEY ("gatePassId") REFERENCES "GatePass"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatePass" ADD CONSTRAINT "GatePass_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatePass" ADD CONSTRAINT "GatePass_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateScan" ADD CONSTRAINT "DuplicateScan_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateScan" ADD CONSTRAINT "DuplicateScan_walkerId_fkey" FOREIGN KEY ("walkerId") REFERENCES "Walker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateScan" ADD CONSTRAINT "DuplicateScan_gatePassId_fkey" FOREIGN KEY ("gatePassId") REFERENCES "GatePass"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateSyncItem" ADD CONSTRAINT "GateSyncItem_gatePassId_fkey" FOREIGN KEY ("gatePassId") REFERENCES "GatePass"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_gatePassId_fkey" FOREIGN KEY ("gatePassId") REFERENCES "GatePass"("id") ON DELETE SET NULL ON UPDATE CASCADE;

