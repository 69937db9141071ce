-- The time of the latest stored point of each indicator, stepped or not (docs/design.md §5): a
-- batch whose new points all come after it knows they are not stored yet without looking.
ALTER TABLE "filter_cursor" ADD COLUMN "stored_through" TIMESTAMPTZ(3);
UPDATE "filter_cursor" c SET "stored_through" = (SELECT max(o.observed_at) FROM "observation" o WHERE o.indicator_id = c.indicator_id);
