-- 002: server-side tallies and coordinators' completions.

-- ---- tallies -----------------------------------------------------------------------------
-- The outcome figures of each head, as plain integer columns computed by PostgreSQL from
-- the content, so that /tallies reads them from one covering index instead of parsing
-- every entry's JSON (a kommun's 340 000 of 1 000 000 entries: ~130 ms instead of ~800 ms;
-- bench/server-tallies.ts).
-- Slot n of a kind holds OUTCOMES[kind][n - 1] of src/domain/tallies/outcomes.ts, a
-- 'countTrue' field as 1/0; server/tallies/query.ts reads them in that order. This mapping
-- is the SQL copy of that table: tests/server/tallies.test.ts fails when the two differ, and
-- a change to OUTCOMES then needs a new migration that drops and re-adds these columns.
ALTER TABLE entries
  ADD COLUMN outcome_1 integer GENERATED ALWAYS AS (CASE kind
    WHEN 'traffic_check' THEN (content->'details'->>'vehiclesChecked')::integer
    WHEN 'vehicle_inspection' THEN (content->'details'->>'vehiclesInspected')::integer
    WHEN 'drug_operation' THEN (content->'details'->>'personsChecked')::integer
    WHEN 'targeted_operation' THEN (content->'details'->>'personsChecked')::integer
    WHEN 'lob' THEN (content->'details'->>'under18')::integer
    WHEN 'pl' THEN (content->'details'->>'count')::integer
    WHEN 'presence' THEN (content->'details'->>'minutes')::integer
  END) STORED,
  ADD COLUMN outcome_2 integer GENERATED ALWAYS AS (CASE kind
    WHEN 'traffic_check' THEN (content->'details'->>'breathTests')::integer
    WHEN 'vehicle_inspection' THEN (content->'details'->>'prohibitions')::integer
    WHEN 'drug_operation' THEN (content->'details'->>'personsAged21OrYounger')::integer
    WHEN 'targeted_operation' THEN (content->'details'->>'offencesDetected')::integer
    WHEN 'lob' THEN (content->'details'->>'age18to21')::integer
  END) STORED,
  ADD COLUMN outcome_3 integer GENERATED ALWAYS AS (CASE kind
    WHEN 'traffic_check' THEN (content->'details'->>'reports')::integer
    WHEN 'drug_operation' THEN (content->'details'->>'drugOffencesDetected')::integer
    WHEN 'targeted_operation' THEN ((content->'details'->>'intelligenceLed')::boolean)::integer
    WHEN 'lob' THEN (content->'details'->>'over21')::integer
  END) STORED,
  ADD COLUMN outcome_4 integer GENERATED ALWAYS AS (CASE kind
    WHEN 'traffic_check' THEN (content->'details'->>'suspectedImpaired')::integer
    WHEN 'drug_operation' THEN (content->'details'->>'drugOffencesAged21OrYounger')::integer
  END) STORED,
  ADD COLUMN outcome_5 integer GENERATED ALWAYS AS (CASE kind
    WHEN 'drug_operation' THEN ((content->'details'->>'intelligenceLed')::boolean)::integer
  END) STORED;

-- One index serves every tally: a range of one kommun's counted heads in time, carrying
-- all the query reads (index-only scan). It replaces the two tally indexes of 001, which
-- no query used, so a push still maintains two indexes on entries (this one and the key).
DROP INDEX entries_tally_kommun;
DROP INDEX entries_tally_promise;
CREATE INDEX entries_tally ON entries (kommun_id, started_at)
  INCLUDE (promise_id, activity_id, kind, outcome_1, outcome_2, outcome_3, outcome_4, outcome_5)
  WHERE NOT voided;

-- ---- completions -------------------------------------------------------------------------
-- A coordinator's "done" for an activity no officer logs (src/domain/tallies/completions.ts).
-- The id is made by the coordinator's app, so a repeated request cannot mark it done twice.
-- police_area_id is copied from the kommun at write time, like on entries.
CREATE TABLE activity_completions (
  id uuid PRIMARY KEY,
  kommun_id text NOT NULL REFERENCES kommuner (id),
  police_area_id text NOT NULL REFERENCES police_areas (id),
  promise_id text NOT NULL REFERENCES promises (id),
  activity_id text NOT NULL,
  done_on date NOT NULL,
  note text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_by_name text NOT NULL,
  recorded_at timestamptz NOT NULL,
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES users (id),
  withdrawn_reason text,
  CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawn_reason IS NULL))
);
-- Tallies: a kommun's counted completions by date. Listing: the kommuner of an area.
CREATE INDEX activity_completions_tally ON activity_completions (kommun_id, done_on) WHERE withdrawn_at IS NULL;
CREATE INDEX activity_completions_kommun ON activity_completions (kommun_id, recorded_at);

-- Never deleted, and once written only withdrawn, once: the record of what was reported
-- to the kommun stays as it was.
CREATE FUNCTION completion_withdraw_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.withdrawn_at IS NOT NULL
     OR NEW.withdrawn_at IS NULL
     OR (to_jsonb(NEW) - 'withdrawn_at' - 'withdrawn_by' - 'withdrawn_reason')
        IS DISTINCT FROM (to_jsonb(OLD) - 'withdrawn_at' - 'withdrawn_by' - 'withdrawn_reason') THEN
    RAISE EXCEPTION 'activity_completions: a row can only be withdrawn, once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER activity_completions_withdraw_only BEFORE UPDATE ON activity_completions FOR EACH ROW EXECUTE FUNCTION completion_withdraw_only();
CREATE TRIGGER activity_completions_no_delete BEFORE DELETE ON activity_completions FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER activity_completions_no_truncate BEFORE TRUNCATE ON activity_completions FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
