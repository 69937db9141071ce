-- Roll-ups are materialized from a journal (docs/design.md §5, "Roll-ups"): each batch appends its
-- new points here in its own transaction, and a materializer folds many batches at a time into the
-- "rollup" table, so a bucket is rewritten once per fold rather than once per batch.
CREATE TABLE "rollup_journal" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "points" BYTEA NOT NULL,

    CONSTRAINT "rollup_journal_pkey" PRIMARY KEY ("id")
);

-- The points are packed binary already: compressing them would cost CPU for little.
ALTER TABLE "rollup_journal" ALTER COLUMN "points" SET STORAGE EXTERNAL;
