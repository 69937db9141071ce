-- Algedonic signals in the database (docs/design.md §5, "Signals"): each system's own policy
-- override, signals with their timelines, the deadlines the escalation worker fires, and silences.

-- A system's S5 policy override (lib/vsm/policy.ts): merged root first with its ancestors'.
ALTER TABLE "system" ADD COLUMN "policy" JSONB NOT NULL DEFAULT '{}';

CREATE TABLE "signal" (
    "id" VARCHAR(64) NOT NULL,
    "system_id" INTEGER NOT NULL,
    "indicator_id" INTEGER,
    "external_alert_id" INTEGER,
    "state" VARCHAR(16) NOT NULL,
    "valence" VARCHAR(16) NOT NULL,
    "kind" VARCHAR(64) NOT NULL,
    "band" VARCHAR(16) NOT NULL,
    "level" INTEGER NOT NULL,
    "holder_level" INTEGER NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "close_reason" VARCHAR(32),
    "changes" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signal_pkey" PRIMARY KEY ("id")
);

-- One running (or provisional) signal per indicator and valence: a further change is counted on it.
CREATE UNIQUE INDEX "signal_running_indicator_key" ON "signal"("indicator_id", "valence")
    WHERE "closed_at" IS NULL AND "indicator_id" IS NOT NULL;
-- One signal per external alert.
CREATE UNIQUE INDEX "signal_external_alert_key" ON "signal"("external_alert_id") WHERE "external_alert_id" IS NOT NULL;
CREATE INDEX "signal_system_id_closed_at_idx" ON "signal"("system_id", "closed_at");
CREATE INDEX "signal_raised_at_idx" ON "signal"("raised_at");

ALTER TABLE "signal" ADD CONSTRAINT "signal_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "system"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "signal" ADD CONSTRAINT "signal_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "signal" ADD CONSTRAINT "signal_external_alert_id_fkey" FOREIGN KEY ("external_alert_id") REFERENCES "external_alert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every transition of a signal, in order: the timeline the console shows and the audit of the ladder.
CREATE TABLE "signal_event" (
    "signal_id" VARCHAR(64) NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor" JSONB NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "from_state" VARCHAR(16),
    "to_state" VARCHAR(16) NOT NULL,
    "level" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "probabilities" JSONB,

    CONSTRAINT "signal_event_pkey" PRIMARY KEY ("signal_id", "seq")
);

ALTER TABLE "signal_event" ADD CONSTRAINT "signal_event_signal_id_fkey" FOREIGN KEY ("signal_id") REFERENCES "signal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The timers a signal needs now (lib/vsm/algedonic/deadlines.ts), replaced with every transition.
CREATE TABLE "signal_deadline" (
    "signal_id" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "level" INTEGER NOT NULL,

    CONSTRAINT "signal_deadline_pkey" PRIMARY KEY ("signal_id", "kind")
);

CREATE INDEX "signal_deadline_at_idx" ON "signal_deadline"("at");

ALTER TABLE "signal_deadline" ADD CONSTRAINT "signal_deadline_signal_id_fkey" FOREIGN KEY ("signal_id") REFERENCES "signal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Silences (matcher, start, end, reason): they hide signals, never change them.
CREATE TABLE "silence" (
    "id" VARCHAR(64) NOT NULL,
    "matcher" JSONB NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "silence_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "silence_ends_at_idx" ON "silence"("ends_at");
