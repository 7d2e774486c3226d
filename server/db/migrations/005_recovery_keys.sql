-- 005: the recovery key R of each officer's device (PUT/GET /api/v1/devices/self/recovery-key).
-- The device keeps its data key wrapped twice: by a key from the officer's PIN, and by R,
-- which only the server holds. After a hard lock or a forgotten PIN, a password login
-- fetches R and the officer's queued entries open again (docs/decisions.md). R alone opens
-- nothing: the wrapped key is only on the device. A revoked device's R is deleted, so a
-- lost phone cannot be opened this way even with the officer's password.
CREATE TABLE recovery_keys (
  user_id uuid NOT NULL REFERENCES users (id),
  device_id text NOT NULL,
  -- 32 random bytes, base64url without padding.
  recovery_key text NOT NULL CHECK (recovery_key ~ '^[A-Za-z0-9_-]{43}$'),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, device_id)
);
CREATE INDEX recovery_keys_device ON recovery_keys (device_id);
