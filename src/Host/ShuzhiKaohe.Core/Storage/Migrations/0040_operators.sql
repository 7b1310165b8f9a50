-- 0040: operators, their role grants over organisation subtrees, and the plugin allow-list (issue 9).
-- Operators are never deleted: their grants are revoked, so the audit trail keeps naming someone who existed.
CREATE TABLE operator (
    name        TEXT    NOT NULL PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    created_by  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT, WITHOUT ROWID;

-- A role over an organisation and its subtree ('*' = the whole tree), optionally narrowed to one sector.
-- No foreign key to organisation: the tree is re-imported in bulk, and '*' is no organisation.
CREATE TABLE operator_grant (
    id            INTEGER PRIMARY KEY,
    operator_name TEXT    NOT NULL REFERENCES operator(name),
    role          TEXT    NOT NULL CHECK (role IN ('administrator', 'organiser', 'inspector', 'clerk', 'reader')),
    scope_code    TEXT    NOT NULL,
    sector        TEXT,
    granted_by    TEXT    NOT NULL,
    granted_at    TEXT    NOT NULL,
    revoked_by    TEXT,
    revoked_at    TEXT,
    row_version   INTEGER NOT NULL DEFAULT 1,
    CHECK ((revoked_by IS NULL) = (revoked_at IS NULL))
) STRICT;

CREATE UNIQUE INDEX operator_grant_active
    ON operator_grant(operator_name, role, scope_code, coalesce(sector, '')) WHERE revoked_at IS NULL;

-- Plugins an administrator approved, with the SHA-256 over the files of the plugin's folder at approval.
CREATE TABLE plugin_approval (
    plugin_id    TEXT    NOT NULL PRIMARY KEY,
    version      TEXT    NOT NULL,
    files_sha256 TEXT    NOT NULL CHECK (length(files_sha256) = 64),
    approved_by  TEXT    NOT NULL,
    approved_at  TEXT    NOT NULL,
    row_version  INTEGER NOT NULL DEFAULT 1
) STRICT, WITHOUT ROWID;
