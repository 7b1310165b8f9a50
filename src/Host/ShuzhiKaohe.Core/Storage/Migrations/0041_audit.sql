-- 0041: the audit trail. Entries are appended in the transaction of the change they record and chained:
-- entry_hash = SHA-256 over the entry's fields and prev_hash (see Audit/AuditHash.cs). state_hash is the
-- SHA-256 of the audited record's state after the change (NULL: the record no longer exists, or the entry
-- records no change, e.g. a refusal). `shuzhi audit verify` recomputes both.
CREATE TABLE audit_entry (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    operator    TEXT    NOT NULL,
    front_end   TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    entity      TEXT    NOT NULL,
    entity_key  TEXT    NOT NULL,
    org_code    TEXT,
    summary     TEXT    NOT NULL,
    state_hash  TEXT,
    prev_hash   TEXT    NOT NULL UNIQUE,
    entry_hash  TEXT    NOT NULL UNIQUE
) STRICT;

CREATE INDEX audit_entry_by_record ON audit_entry(entity, entity_key, id);
CREATE INDEX audit_entry_by_org ON audit_entry(org_code, id);
CREATE INDEX audit_entry_by_time ON audit_entry(at);
