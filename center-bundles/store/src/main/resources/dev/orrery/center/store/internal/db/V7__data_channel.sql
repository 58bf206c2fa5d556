-- Version 7: the data channel (dev.orrery.center.store.DataStore).

-- Every record, in storage order: id is the cursor readers page with. stored_at (center time)
-- drives retention; at_ms is the agent's time of the record.
CREATE TABLE data_records (
  id        BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic     VARCHAR(128) NOT NULL,
  host_id   VARCHAR(255) NOT NULL,
  seq       BIGINT NOT NULL,
  at_ms     BIGINT NOT NULL,
  stored_at BIGINT NOT NULL,
  data      VARCHAR(16384) NOT NULL
);
CREATE INDEX data_records_topic ON data_records (topic, id);
CREATE INDEX data_records_stored ON data_records (stored_at);

-- Per host: the last sequence number stored (a batch sent twice is stored once) and how many
-- records its agent dropped because its spool was full.
CREATE TABLE data_hosts (
  host_id    VARCHAR(255) NOT NULL PRIMARY KEY,
  last_seq   BIGINT NOT NULL,
  dropped    BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
