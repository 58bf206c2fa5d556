-- Version 6: what agents report about their hosts (status sections) and the inventory's view of a host.

-- The inventory (PUT /hosts/{id}): who answers for the host and what it should report.
ALTER TABLE hosts ADD COLUMN owner VARCHAR(255);
ALTER TABLE hosts ADD COLUMN expected_sn VARCHAR(255);
ALTER TABLE hosts ADD COLUMN expected_ip VARCHAR(128);

-- The last JSON text of each status section (hostinfo, agent, cron, ...) an agent reported.
CREATE TABLE host_status (
  host_id    VARCHAR(255) NOT NULL REFERENCES hosts (host_id) ON DELETE CASCADE,
  section    VARCHAR(64) NOT NULL,
  json       CLOB(1M) NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (host_id, section)
);
CREATE INDEX host_status_section ON host_status (section, host_id);
