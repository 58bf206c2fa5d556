-- Version 4: API accounts with sealed secrets, scopes, command mapping and aliases.

-- The secret moves to secret_sealed (base64 of MasterKey.seal(UTF-8 secret)). SQL cannot seal,
-- so the plaintext column only becomes nullable here: DerbyAccountStore seals every row that
-- still holds a plaintext secret when it activates and empties the column.
ALTER TABLE api_accounts ALTER COLUMN secret NULL;
ALTER TABLE api_accounts ADD COLUMN secret_sealed VARCHAR(1024);
-- Lists are stored one value a line (values never contain a line break).
ALTER TABLE api_accounts ADD COLUMN account_groups VARCHAR(8000) NOT NULL DEFAULT '';
ALTER TABLE api_accounts ADD COLUMN task_types VARCHAR(2000) NOT NULL DEFAULT '';
ALTER TABLE api_accounts ADD COLUMN command_mapping BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE api_accounts ADD COLUMN permissions VARCHAR(4000) NOT NULL DEFAULT '';
ALTER TABLE api_accounts ADD COLUMN updated_at BIGINT;
UPDATE api_accounts SET updated_at = created_at;
ALTER TABLE api_accounts ADD CONSTRAINT api_accounts_name UNIQUE (account_name);

-- Per-account aliases for command mapping: an account with command_mapping on writes each
-- program as its alias. An alias names one program of one account, and is unique overall, so
-- two accounts never share one.
CREATE TABLE api_account_aliases (
  key_id     VARCHAR(128) NOT NULL REFERENCES api_accounts (key_id) ON DELETE CASCADE,
  program    VARCHAR(255) NOT NULL,
  alias      VARCHAR(32) NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (key_id, program),
  CONSTRAINT api_account_aliases_alias UNIQUE (alias)
);
