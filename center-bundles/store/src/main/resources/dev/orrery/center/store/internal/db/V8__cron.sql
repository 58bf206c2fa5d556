-- Version 8: cron jobs (dev.orrery.center.store.CronStore), the desired state synced to the agents.

-- One row per job. host_ids: the hosts its targets resolved to at creation, one per line;
-- groups_named: the groups its targets named, one per line; spec: JSON of what each run does.
-- Deleted jobs stay (deleted_at > 0) so the center still syncs their hosts.
CREATE TABLE cron_jobs (
  cron_id         VARCHAR(64) NOT NULL PRIMARY KEY,
  created_by      VARCHAR(300) NOT NULL,
  host_ids        CLOB NOT NULL,
  groups_named    CLOB NOT NULL,
  schedule        VARCHAR(500) NOT NULL,
  timezone        VARCHAR(100) NOT NULL,
  spread          BOOLEAN NOT NULL,
  kind            VARCHAR(32) NOT NULL,
  spec            CLOB NOT NULL,
  run_as          VARCHAR(300),
  timeout_seconds INT NOT NULL,
  version         BIGINT NOT NULL,
  created_at      BIGINT NOT NULL,
  deleted_at      BIGINT NOT NULL
);
CREATE INDEX cron_jobs_created ON cron_jobs (created_at, cron_id);
