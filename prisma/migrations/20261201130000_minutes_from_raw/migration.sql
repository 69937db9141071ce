-- Minute roll-ups are no longer stored (docs/design.md §5, "Roll-ups"): a minute is rolled up from
-- the raw observations when read, and retention keeps raw observations at least as long as the
-- minute resolution. The minute buckets stored before repeat points that are all still there.
DELETE FROM "rollup" WHERE "resolution" = 'minute';
