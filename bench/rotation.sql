-- pgbench: the SQL of one refresh-token rotation, as the application runs it, in one transaction:
-- consume the presented hash (returning what the successor inherits), remember it, read the
-- user, store the successor. The successor reuses the consumed hash so the pool stays the same size.
\set i random(1, :tokens)
BEGIN;
DELETE FROM refresh_tokens WHERE token_hash = encode(sha256(('pgbench-' || :i)::bytea), 'hex') AND expiry > now() RETURNING user_id, family_id, family_created_at, family_expiry, generation, expiry;
INSERT INTO consumed_refresh_tokens (token_hash, user_id, family_id, generation, consumed_at, expiry) VALUES (encode(sha256(('pgbench-consumed-' || :client_id || '-' || random())::bytea), 'hex'), :uid, :i, 0, now(), now() + interval '1 day');
SELECT id, username, password_hash, roles, created_at, token_version FROM users WHERE id = :uid;
INSERT INTO refresh_tokens (user_id, token_hash, expiry, created_at, family_id, family_created_at, family_expiry, generation, user_agent) VALUES (:uid, encode(sha256(('pgbench-' || :i)::bytea), 'hex'), now() + interval '1 day', now(), :i, now(), now() + interval '30 days', 1, 'pgbench') ON CONFLICT (token_hash) DO NOTHING;
END;
