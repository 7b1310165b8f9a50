-- 0010: the tree of Party organisations and the secretaries who hold their posts (第三条).
-- An organisation is never deleted once a campaign refers to it: it is dissolved (dissolved_on).
CREATE TABLE organisation (
    code         TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    parent_code  TEXT    REFERENCES organisation(code),
    sector       TEXT    NOT NULL,
    level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 20),
    kind         TEXT    NOT NULL DEFAULT 'committee',
    -- Statistical groupings (市辖区, 县, 省直辖县级行政区划) are not organisations: transparent when finding
    -- a superior, never in a roster.
    is_grouping  INTEGER NOT NULL DEFAULT 0 CHECK (is_grouping IN (0, 1)),
    founded_on   TEXT,
    dissolved_on TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
) STRICT, WITHOUT ROWID;

CREATE INDEX organisation_by_parent ON organisation(parent_code);

-- A person who holds, or held, a secretary post. No identity numbers: a name and an optional external key.
CREATE TABLE person (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    external_key TEXT    UNIQUE,
    row_version  INTEGER NOT NULL DEFAULT 1
) STRICT;

-- The secretary post of an organisation over a period [start_on, end_on); end_on NULL = still in post.
CREATE TABLE secretary_term (
    id          INTEGER PRIMARY KEY,
    org_code    TEXT    NOT NULL REFERENCES organisation(code),
    person_id   INTEGER NOT NULL REFERENCES person(id),
    start_on    TEXT    NOT NULL,
    end_on      TEXT,
    row_version INTEGER NOT NULL DEFAULT 1,
    CHECK (end_on IS NULL OR end_on > start_on)
) STRICT;

CREATE INDEX secretary_term_by_org ON secretary_term(org_code, start_on);
CREATE INDEX secretary_term_by_person ON secretary_term(person_id);

-- One row per organisation import (who, when, what it did): the tree's own history beside the rows it changed.
CREATE TABLE organisation_import (
    id              INTEGER PRIMARY KEY,
    imported_at     TEXT    NOT NULL,
    operator        TEXT    NOT NULL,
    files           TEXT    NOT NULL,
    rows            INTEGER NOT NULL,
    inserted        INTEGER NOT NULL,
    updated         INTEGER NOT NULL,
    reactivated     INTEGER NOT NULL,
    dissolved       INTEGER NOT NULL,
    repaired_fields INTEGER NOT NULL
) STRICT;

-- Bumped by every change to the tree, so in-memory search indexes know when to rebuild.
INSERT INTO app_setting(key, value) VALUES ('organisations.revision', '0');
