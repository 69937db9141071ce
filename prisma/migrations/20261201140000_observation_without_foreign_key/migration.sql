-- Observations lose their foreign key to "indicator" (docs/design.md §5): it checked and locked
-- the indicator's row for every inserted point, a third of the cost of storing one. The pipeline
-- locks the cursor of every indicator in a batch before it stores a point, and a cursor's own
-- foreign key (ON DELETE CASCADE) makes that lock fail, or wait, for an indicator being deleted;
-- the cascade itself is kept by a statement-level trigger.
ALTER TABLE "observation" DROP CONSTRAINT "observation_indicator_id_fkey";

CREATE FUNCTION "indicator_delete_observations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "observation" o USING "deleted_indicators" d WHERE o.indicator_id = d.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "indicator_delete_observations" AFTER DELETE ON "indicator"
  REFERENCING OLD TABLE AS "deleted_indicators" FOR EACH STATEMENT EXECUTE FUNCTION "indicator_delete_observations"();
