-- Version 5: the audit log, append-only and hash-chained (dev.orrery.center.store.AuditLog).

-- One row per audited act. hash = hex HMAC-SHA256 (key derived from the master key for "audit")
-- over the previous record's hash and a length-prefixed encoding of seq and every field. Rows
-- are only ever inserted: the store has no statement that updates or deletes them.
CREATE TABLE audit_log (
  seq         BIGINT NOT NULL PRIMARY KEY,
  at_ms       BIGINT NOT NULL,
  kind        VARCHAR(16) NOT NULL,
  account     VARCHAR(300) NOT NULL,
  source      VARCHAR(300) NOT NULL,
  action      VARCHAR(2100) NOT NULL,
  targets     VARCHAR(4100) NOT NULL,
  detail      VARCHAR(8300) NOT NULL,
  body_digest VARCHAR(64) NOT NULL,
  outcome     VARCHAR(600) NOT NULL,
  hash        VARCHAR(64) NOT NULL
);
CREATE INDEX audit_log_account ON audit_log (account, seq);
CREATE INDEX audit_log_at ON audit_log (at_ms);

-- The head of the chain: one row (id 1) with the last sequence number and hash, and a MAC over
-- both, updated in the same transaction as every append, so deleting the newest records (or
-- the head) is detected. last_seq 0 and last_hash '' before the first record.
CREATE TABLE audit_head (
  id        INT NOT NULL PRIMARY KEY,
  last_seq  BIGINT NOT NULL,
  last_hash VARCHAR(64) NOT NULL,
  head_mac  VARCHAR(64)
);
INSERT INTO audit_head (id, last_seq, last_hash, head_mac) VALUES (1, 0, '', NULL);
