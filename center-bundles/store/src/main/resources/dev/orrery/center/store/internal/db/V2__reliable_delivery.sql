-- Version 2: resends of unacknowledged host tasks, and retention.

-- resend_at: when a DISPATCHED host task without an Ack RECEIVED is sent again; sends: how
-- many times it was sent (drives the per-host-task backoff).
ALTER TABLE host_tasks ADD COLUMN resend_at BIGINT;
ALTER TABLE host_tasks ADD COLUMN sends INT NOT NULL DEFAULT 0;
CREATE INDEX host_tasks_resend ON host_tasks (state, resend_at);
-- Host tasks in flight when an older center stopped are due at once.
UPDATE host_tasks SET resend_at = updated_at, sends = 1 WHERE state = 'DISPATCHED';

-- The pruner deletes finished tasks oldest first.
CREATE INDEX tasks_finished ON tasks (state, finished_at);
