-- 004: the data protection officer's role, reads reported by devices, and the audit log's
-- privileges.

-- 'auditor' may only read the audit log of its police area (GET /api/v1/audit).
ALTER TABLE users DROP CONSTRAINT users_roles_check;
ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (roles <@ ARRAY['officer', 'shift_lead', 'coordinator', 'admin', 'auditor']::text[]);

-- A read of another officer's entry reported by a device (POST /api/v1/audit/reads) carries
-- the id the device made for it: a redelivery finds it here and adds no second row.
ALTER TABLE audit_log ADD COLUMN event_id uuid UNIQUE;

-- The triggers of 001 refuse UPDATE, DELETE and TRUNCATE of audit rows for everybody. The
-- privileges say the same, so a role that is not the table's owner gets "permission
-- denied" before any trigger runs. Revoking from the current role (the owner, which runs
-- the migrations and, in the simple deployment, the server) is possible too: the owner
-- keeps the right to grant them back and to drop the triggers, so against the owner role
-- itself the triggers are the guard and a separate, non-owning role for the server is
-- the real one (docs/threat-model.md). A superuser bypasses privileges, not triggers.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM CURRENT_USER;
