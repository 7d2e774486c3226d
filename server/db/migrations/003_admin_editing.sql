-- 003: coordinators' catalogue editing and admins' accounts and devices.

-- Who made the current version of a promise (updated_at says when), so that its history
-- can say who made each version; promise_history rows carry the same for older ones.
ALTER TABLE promises ADD COLUMN changed_by uuid REFERENCES users (id);

-- A published version, once replaced by a correction, is kept as it was.
CREATE TRIGGER promise_history_append_only BEFORE UPDATE OR DELETE ON promise_history FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER promise_history_no_truncate BEFORE TRUNCATE ON promise_history FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

-- A device an admin revoked: every session bound to its id may still push what it has
-- queued (and log out), nothing else. The row outlives heartbeats: upsertDevice never
-- touches these columns.
ALTER TABLE devices
  ADD COLUMN revoked_at timestamptz,
  ADD COLUMN revoked_by uuid REFERENCES users (id),
  ADD CHECK ((revoked_at IS NULL) = (revoked_by IS NULL));
