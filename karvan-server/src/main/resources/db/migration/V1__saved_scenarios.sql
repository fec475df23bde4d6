-- Saved user scenarios and the API token for writes. Portable SQL: runs on SQLite and PostgreSQL.
CREATE TABLE saved_scenario (
  id          VARCHAR(64)  NOT NULL PRIMARY KEY,
  name        VARCHAR(200) NOT NULL UNIQUE,
  description TEXT         NOT NULL,
  body        TEXT         NOT NULL,
  version     INTEGER      NOT NULL,
  created_at  VARCHAR(40)  NOT NULL,
  updated_at  VARCHAR(40)  NOT NULL
);

CREATE TABLE api_token (
  id           INTEGER     NOT NULL PRIMARY KEY,
  token_sha256 VARCHAR(64) NOT NULL,
  created_at   VARCHAR(40) NOT NULL
);
