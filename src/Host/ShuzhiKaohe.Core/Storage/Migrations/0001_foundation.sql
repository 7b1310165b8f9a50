-- 0001: the foundation. Settings the program keeps in the database itself.
-- Feature migrations take their own numbers (see docs/architecture.md: "Migrations").
CREATE TABLE app_setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

INSERT INTO app_setting(key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
