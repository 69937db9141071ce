-- Telemetry pipeline (docs/design.md §5): observations partitioned by time, with a flag for the
-- points that stepped their indicator's filter; filter cursors and checkpoints; the filter's change
-- events; roll-ups; points for unknown units or indicators; idempotent requests; counter memory
-- for rates and the metric types Prometheus declares; external alerts.

-- Observations become a partitioned table. Existing rows move across; none of them has stepped a
-- filter (there was no pipeline), so their flag is false.
ALTER TABLE "observation" RENAME TO "observation_unpartitioned";
ALTER TABLE "observation_unpartitioned" RENAME CONSTRAINT "observation_pkey" TO "observation_unpartitioned_pkey";
ALTER TABLE "observation_unpartitioned" RENAME CONSTRAINT "observation_indicator_id_fkey" TO "observation_unpartitioned_indicator_id_fkey";

CREATE TABLE "observation" (
    "indicator_id" INTEGER NOT NULL,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "stepped" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "observation_pkey" PRIMARY KEY ("indicator_id","observed_at")
) PARTITION BY RANGE ("observed_at");

-- Rows outside every monthly partition land here until maintenance creates their month.
CREATE TABLE "observation_default" PARTITION OF "observation" DEFAULT;

ALTER TABLE "observation" ADD CONSTRAINT "observation_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "observation" ("indicator_id", "observed_at", "value") SELECT "indicator_id", "observed_at", "value" FROM "observation_unpartitioned";
DROP TABLE "observation_unpartitioned";

-- CreateTable
CREATE TABLE "filter_cursor" (
    "indicator_id" INTEGER NOT NULL,
    "steps" BIGINT NOT NULL DEFAULT 0,
    "stepped_through" TIMESTAMPTZ(3),
    "bin_width" DOUBLE PRECISION,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "filter_cursor_pkey" PRIMARY KEY ("indicator_id")
);

-- CreateTable
CREATE TABLE "filter_checkpoint" (
    "indicator_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "steps" BIGINT NOT NULL,
    "stepped_through" TIMESTAMPTZ(3),
    "state" JSONB NOT NULL,
    "written_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "filter_checkpoint_pkey" PRIMARY KEY ("indicator_id")
);

-- CreateTable
CREATE TABLE "filter_event" (
    "id" BIGSERIAL NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "type" VARCHAR(16) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "valence" VARCHAR(16) NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    "reported_at" TIMESTAMPTZ(3) NOT NULL,
    "magnitude" DOUBLE PRECISION NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "probabilities" JSONB,
    "band" VARCHAR(16),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "filter_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rollup" (
    "indicator_id" INTEGER NOT NULL,
    "resolution" VARCHAR(8) NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "m2" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "offset_sum" DOUBLE PRECISION NOT NULL,
    "bins" JSONB NOT NULL,

    CONSTRAINT "rollup_pkey" PRIMARY KEY ("indicator_id","resolution","bucket_start")
);

-- CreateTable
CREATE TABLE "unassigned_point" (
    "source" VARCHAR(16) NOT NULL,
    "unit_path" VARCHAR(1024) NOT NULL,
    "indicator_key" VARCHAR(200) NOT NULL,
    "reason" VARCHAR(32) NOT NULL,
    "count" BIGINT NOT NULL,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "unassigned_point_pkey" PRIMARY KEY ("source","unit_path","indicator_key")
);

-- CreateTable
CREATE TABLE "idempotent_request" (
    "actor" VARCHAR(64) NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "status" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotent_request_pkey" PRIMARY KEY ("actor","key")
);

-- CreateTable
CREATE TABLE "counter_memory" (
    "series" VARCHAR(512) NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "start" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "counter_memory_pkey" PRIMARY KEY ("series")
);

-- CreateTable
CREATE TABLE "metric_type" (
    "family" VARCHAR(200) NOT NULL,
    "type" VARCHAR(16) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "metric_type_pkey" PRIMARY KEY ("family")
);

-- CreateTable
CREATE TABLE "external_alert" (
    "id" SERIAL NOT NULL,
    "unit_path" VARCHAR(1024) NOT NULL,
    "system_id" INTEGER,
    "fingerprint" VARCHAR(32) NOT NULL,
    "name" TEXT,
    "labels" JSONB NOT NULL,
    "annotations" JSONB NOT NULL,
    "generator_url" TEXT,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved" BOOLEAN NOT NULL,
    "first_received" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_received" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "external_alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "filter_event_indicator_id_reported_at_idx" ON "filter_event"("indicator_id", "reported_at");

-- CreateIndex
CREATE INDEX "rollup_resolution_bucket_start_idx" ON "rollup"("resolution", "bucket_start");

-- CreateIndex
CREATE INDEX "idempotent_request_created_at_idx" ON "idempotent_request"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "external_alert_fingerprint_starts_at_key" ON "external_alert"("fingerprint", "starts_at");

-- CreateIndex
CREATE INDEX "external_alert_system_id_idx" ON "external_alert"("system_id");

-- AddForeignKey
ALTER TABLE "filter_cursor" ADD CONSTRAINT "filter_cursor_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "filter_checkpoint" ADD CONSTRAINT "filter_checkpoint_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "filter_event" ADD CONSTRAINT "filter_event_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollup" ADD CONSTRAINT "rollup_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_alert" ADD CONSTRAINT "external_alert_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "system"("id") ON DELETE SET NULL ON UPDATE CASCADE;
