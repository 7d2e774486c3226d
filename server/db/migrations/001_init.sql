-- 001: the whole first schema. Shipped migrations are never edited (migrate.ts checks
-- their checksums); a change is a new file.

-- Rows that must never change once written (audit, entry revisions) are guarded by
-- triggers, so not even a mistaken UPDATE in a later release can rewrite history.
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

-- ---- catalogue -------------------------------------------------------------------------
CREATE TABLE police_areas (
  id text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE kommuner (
  id text PRIMARY KEY,
  name text NOT NULL,
  police_area_id text NOT NULL REFERENCES police_areas (id)
);
CREATE INDEX kommuner_police_area ON kommuner (police_area_id);

-- A promise is stored as the CitizenPromise document the app reads; the columns are
-- what queries filter on.
CREATE TABLE promises (
  id text PRIMARY KEY,
  kommun_id text NOT NULL REFERENCES kommuner (id),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  version integer NOT NULL,
  doc jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX promises_kommun ON promises (kommun_id);

-- Earlier versions of a promise, kept when a coordinator publishes a correction.
CREATE TABLE promise_history (
  promise_id text NOT NULL REFERENCES promises (id),
  version integer NOT NULL,
  doc jsonb NOT NULL,
  changed_by uuid,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (promise_id, version)
);

-- Bumped by any catalogue change, so each server process can cache the catalogue and
-- still see another process's edit on its next request.
CREATE TABLE catalogue_version (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL
);
INSERT INTO catalogue_version (singleton, version) VALUES (true, 1);

CREATE FUNCTION bump_catalogue_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalogue_version SET version = version + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER police_areas_bump AFTER INSERT OR UPDATE OR DELETE ON police_areas FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
CREATE TRIGGER kommuner_bump AFTER INSERT OR UPDATE OR DELETE ON kommuner FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
CREATE TRIGGER promises_bump AFTER INSERT OR UPDATE OR DELETE ON promises FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();

-- ---- users and sessions ------------------------------------------------------------------
CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username = lower(username)),
  display_name text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL CHECK (roles <@ ARRAY['officer', 'shift_lead', 'coordinator', 'admin']::text[]),
  police_area_id text NOT NULL REFERENCES police_areas (id),
  active boolean NOT NULL DEFAULT true,
  must_change_password boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a token is stored: a copy of this table cannot be used to log in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  device_id text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

-- In the database rather than in memory so that several server processes share the limit.
CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL,
  ok boolean NOT NULL
);
CREATE INDEX login_attempts_username ON login_attempts (username, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

CREATE TABLE devices (
  device_id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  last_seen_at timestamptz NOT NULL,
  queued_count integer NOT NULL,
  oldest_queued_at timestamptz,
  app_version text NOT NULL,
  ip text
);
CREATE INDEX devices_user ON devices (user_id);

-- ---- entries -----------------------------------------------------------------------------
-- No foreign keys on the two entry tables: the push path is their only writer and
-- checks the officer (from the session) and the kommun (against the catalogue) itself;
-- per-row FK checks cost about 15 % of ingest throughput.
CREATE SEQUENCE entry_server_seq AS bigint;

-- The pull horizon: the highest server_seq below which every revision is committed.
-- Pushes take this lock SHARED just before drawing server_seq values and hold it to
-- COMMIT; taking it EXCLUSIVE here waits for those in flight and blocks new ones for
-- an instant, so every number <= the value read belongs to a finished transaction.
-- Without it a pull could see seq 11 (committed) before seq 10 (still committing) and
-- move its cursor past 10 for good. See server/sync/push.ts.
CREATE FUNCTION sync_horizon() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7320114002);
  RETURN (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM entry_server_seq);
END
$$;

-- Every revision ever accepted. The row is also the idempotency record: a replayed
-- (id, rev) is answered from here. police_area_id is copied from the kommun at write
-- time so that a shift lead's pull is one index range scan.
CREATE TABLE entry_revisions (
  id uuid NOT NULL,
  rev integer NOT NULL CHECK (rev >= 1),
  op text NOT NULL CHECK (op IN ('upsert', 'void')),
  content jsonb NOT NULL,
  kind text NOT NULL,
  kommun_id text NOT NULL,
  police_area_id text NOT NULL,
  promise_id text NOT NULL,
  activity_id text NOT NULL,
  started_at timestamptz NOT NULL,
  void_reason text,
  officer_id uuid NOT NULL,
  device_id text NOT NULL,
  client_time timestamptz NOT NULL,
  server_time timestamptz NOT NULL,
  server_seq bigint NOT NULL UNIQUE DEFAULT nextval('entry_server_seq'),
  request_hash text NOT NULL,
  PRIMARY KEY (id, rev)
);
CREATE INDEX entry_revisions_officer_seq ON entry_revisions (officer_id, server_seq);
CREATE INDEX entry_revisions_area_seq ON entry_revisions (police_area_id, server_seq);
CREATE TRIGGER entry_revisions_append_only BEFORE UPDATE OR DELETE ON entry_revisions FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER entry_revisions_no_truncate BEFORE TRUNCATE ON entry_revisions FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

-- The head (latest revision) of each entry, written in the same transaction as the
-- revision; tallies read only this table.
CREATE TABLE entries (
  id uuid PRIMARY KEY,
  rev integer NOT NULL,
  officer_id uuid NOT NULL,
  kommun_id text NOT NULL,
  police_area_id text NOT NULL,
  promise_id text NOT NULL,
  activity_id text NOT NULL,
  kind text NOT NULL,
  started_at timestamptz NOT NULL,
  voided boolean NOT NULL,
  content jsonb NOT NULL
);
CREATE INDEX entries_tally_kommun ON entries (kommun_id, started_at) WHERE NOT voided;
CREATE INDEX entries_tally_promise ON entries (promise_id, activity_id, started_at) WHERE NOT voided;

-- ---- audit -------------------------------------------------------------------------------
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_username text,
  action text NOT NULL,
  target text,
  device_id text,
  ip text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
