-- Version 9: the marketplace (dev.orrery.center.store.MarketStore): plugin versions with their jars,
-- and the groups' subscriptions (the desired state the center rolls out).

-- One row per uploaded plugin version. manifest: every main manifest attribute, one escaped
-- "key=value" line each (the store's map encoding, see Sql.encodeMap); jar: the bundle itself.
CREATE TABLE market_plugins (
  name          VARCHAR(64) NOT NULL,
  version       VARCHAR(200) NOT NULL,
  kind          VARCHAR(16) NOT NULL,
  description   VARCHAR(2048) NOT NULL,
  entry         VARCHAR(1000),
  symbolic_name VARCHAR(500),
  manifest      CLOB NOT NULL,
  size          BIGINT NOT NULL,
  sha256        CHAR(64) NOT NULL,
  uploaded_by   VARCHAR(300),
  uploaded_at   BIGINT NOT NULL,
  jar           BLOB(64M) NOT NULL,
  PRIMARY KEY (name, version)
);
CREATE INDEX market_plugins_order ON market_plugins (name, uploaded_at);

-- One row per (group, plugin): the version every host of the group should run, and its rollout.
CREATE TABLE market_subscriptions (
  group_name    VARCHAR(255) NOT NULL,
  plugin        VARCHAR(64) NOT NULL,
  version       VARCHAR(200) NOT NULL,
  batch_size    INT NOT NULL,
  max_failures  INT NOT NULL,
  state         VARCHAR(16) NOT NULL,
  reason        VARCHAR(2000),
  updated_by    VARCHAR(300),
  updated_at    BIGINT NOT NULL,
  PRIMARY KEY (group_name, plugin)
);
