-- Version 3: a count of finished host tasks on each task, so that telling whether the last
-- host task just ended costs one row, not a scan of the task's unfinished host tasks.

-- finished_hosts: host tasks in a final state; the task is DONE when it reaches host_count.
-- Kept in the same transaction as every move of a host task to a final state.
ALTER TABLE tasks ADD COLUMN finished_hosts INT NOT NULL DEFAULT 0;
UPDATE tasks SET finished_hosts = (SELECT COUNT(*) FROM host_tasks h WHERE h.task_id = tasks.task_id
  AND h.state IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT', 'CANCELLED', 'REJECTED'));

-- Every move of a host task rewrote this index twice (state, then channel at dispatch). Host
-- tasks of a lost channel are found through host_tasks_resend (state = 'DISPATCHED') instead:
-- only host tasks in flight are ever DISPATCHED.
DROP INDEX host_tasks_channel;
