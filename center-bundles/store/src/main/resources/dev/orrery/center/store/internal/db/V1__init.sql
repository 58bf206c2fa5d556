-- Version 1: hosts, tasks, host tasks and API accounts.

-- Hosts. Addresses, groups and labels live in their own tables so that target resolution by
-- hostId, hostname, IP, SN or group is an index lookup.
CREATE TABLE hosts (
  host_id    VARCHAR(255) NOT NULL PRIMARY KEY,
  hostname   VARCHAR(255),
  sn         VARCHAR(255),
  idc        VARCHAR(128),
  channel    VARCHAR(255),
  status     VARCHAR(16) NOT NULL DEFAULT 'OFFLINE',
  last_seen  BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX hosts_hostname ON hosts (hostname);
CREATE INDEX hosts_sn ON hosts (sn);
CREATE INDEX hosts_channel ON hosts (channel, status);
CREATE INDEX hosts_status ON hosts (status);

CREATE TABLE host_ips (
  host_id VARCHAR(255) NOT NULL REFERENCES hosts (host_id) ON DELETE CASCADE,
  ip      VARCHAR(128) NOT NULL,
  pos     INT NOT NULL,
  PRIMARY KEY (host_id, ip)
);
CREATE INDEX host_ips_ip ON host_ips (ip);

CREATE TABLE host_groups (
  host_id    VARCHAR(255) NOT NULL REFERENCES hosts (host_id) ON DELETE CASCADE,
  group_name VARCHAR(255) NOT NULL,
  PRIMARY KEY (host_id, group_name)
);
CREATE INDEX host_groups_name ON host_groups (group_name);

CREATE TABLE host_labels (
  host_id     VARCHAR(255) NOT NULL REFERENCES hosts (host_id) ON DELETE CASCADE,
  label_key   VARCHAR(255) NOT NULL,
  label_value VARCHAR(4000) NOT NULL,
  PRIMARY KEY (host_id, label_key)
);

-- Tasks. state is RECEIVED, RUNNING or DONE; deadline = created_at + timeout.
CREATE TABLE tasks (
  task_id         VARCHAR(64) NOT NULL PRIMARY KEY,
  task_type       VARCHAR(64) NOT NULL,
  created_by      VARCHAR(255),
  created_at      BIGINT NOT NULL,
  timeout_seconds INT NOT NULL,
  deadline        BIGINT NOT NULL,
  params          CLOB(1M) NOT NULL,
  body            BLOB(64M) NOT NULL,
  state           VARCHAR(16) NOT NULL,
  host_count      INT NOT NULL,
  finished_at     BIGINT
);
CREATE INDEX tasks_open ON tasks (state, deadline);
CREATE INDEX tasks_created ON tasks (created_at);

-- One row per task and host, with a timestamp per transition. undelivered marks a DISPATCHED
-- host task that its channel could not deliver: it is sent again when the host comes back.
CREATE TABLE host_tasks (
  task_id       VARCHAR(64) NOT NULL REFERENCES tasks (task_id) ON DELETE CASCADE,
  host_id       VARCHAR(255) NOT NULL,
  state         VARCHAR(16) NOT NULL,
  exit_code     INT,
  stdout        CLOB(1M),
  stderr        CLOB(1M),
  truncated     BOOLEAN NOT NULL DEFAULT FALSE,
  error_code    VARCHAR(64),
  error_message VARCHAR(4000),
  channel       VARCHAR(255),
  undelivered   BOOLEAN NOT NULL DEFAULT FALSE,
  created_at    BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL,
  dispatched_at BIGINT,
  received_at   BIGINT,
  started_at    BIGINT,
  finished_at   BIGINT,
  PRIMARY KEY (task_id, host_id)
);
CREATE INDEX host_tasks_state ON host_tasks (task_id, state);
CREATE INDEX host_tasks_host ON host_tasks (host_id, state);
CREATE INDEX host_tasks_channel ON host_tasks (channel, state);

CREATE TABLE api_accounts (
  key_id       VARCHAR(128) NOT NULL PRIMARY KEY,
  secret       VARCHAR(512) NOT NULL,
  account_name VARCHAR(255),
  account_role VARCHAR(32),
  enabled      BOOLEAN NOT NULL,
  created_at   BIGINT NOT NULL
);
