-- The live stream's event log (docs/live-stream.md): every event a client of GET /api/v1/stream
-- may receive, kept so that a client reconnecting with Last-Event-ID is sent exactly what it
-- missed. Ids are handed out under a transaction-scoped advisory lock held to COMMIT, so they
-- become visible in id order and "every id above the last one seen" never skips a late commit.
-- `paths` are the unit paths the event concerns, for authorization and subtree filters; old rows
-- are pruned by the maintenance job.
CREATE TABLE "stream_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" VARCHAR(16) NOT NULL,
    "paths" VARCHAR(1024)[] NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "stream_event_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "stream_event_at_idx" ON "stream_event"("at");
