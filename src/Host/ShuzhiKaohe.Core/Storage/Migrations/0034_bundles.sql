-- 0034: the signed bundle a level reports to the level above (第八条 "开展述职评议考核情况，应及时向上一级党组织报告").
-- Format and key workflow: docs/bundles.md.

-- The sending organisation's own signing key (ECDSA P-256). The private key stays inside this database, which is
-- owner-only and opened only by the service account: it moves with backups and restores, and never into a log or
-- the audit trail (the audited state below leaves it out). At most one key per organisation is in use; a replaced
-- key is kept, retired, so that bundles it signed can still be traced to it.
CREATE TABLE signing_key (
    id           INTEGER PRIMARY KEY,
    org_code     TEXT    NOT NULL REFERENCES organisation(code),
    fingerprint  TEXT    NOT NULL UNIQUE,
    public_key   BLOB    NOT NULL,   -- SubjectPublicKeyInfo, DER
    private_key  BLOB    NOT NULL,   -- PKCS#8, DER
    created_by   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    retired_by   TEXT,
    retired_at   TEXT
) STRICT;

CREATE UNIQUE INDEX signing_key_in_use ON signing_key(org_code) WHERE retired_at IS NULL;

-- Public keys of lower organisations, registered once at the level above (key trust). Several per organisation
-- are allowed (a key replaced below is trusted again above).
CREATE TABLE trusted_key (
    id           INTEGER PRIMARY KEY,
    org_code     TEXT    NOT NULL REFERENCES organisation(code),
    fingerprint  TEXT    NOT NULL,
    public_key   BLOB    NOT NULL,   -- SubjectPublicKeyInfo, DER
    trusted_by   TEXT    NOT NULL,
    trusted_at   TEXT    NOT NULL,
    UNIQUE (org_code, fingerprint)
) STRICT;

-- Bundles received from below, stored as received: the file's exact bytes (re-verifiable) and a few fields read
-- from its verified payload for listing. Read-only: the triggers refuse any change.
CREATE TABLE received_bundle (
    id               INTEGER PRIMARY KEY,
    sender_code      TEXT    NOT NULL REFERENCES organisation(code),
    sender_name      TEXT    NOT NULL,
    campaign_ref     INTEGER NOT NULL,   -- the campaign's id in the sender's database
    year             INTEGER NOT NULL,
    stage            TEXT    NOT NULL,
    exported_at      TEXT    NOT NULL,
    key_fingerprint  TEXT    NOT NULL,
    payload_sha256   TEXT    NOT NULL UNIQUE,
    file             BLOB    NOT NULL,
    imported_by      TEXT    NOT NULL,
    imported_at      TEXT    NOT NULL
) STRICT;

CREATE INDEX received_bundle_by_sender ON received_bundle(sender_code, year);

CREATE TRIGGER received_bundle_no_update BEFORE UPDATE ON received_bundle
BEGIN
    SELECT RAISE(ABORT, '第八条：收到的考核数据包按原样保存，只读，不能修改');
END;

CREATE TRIGGER received_bundle_no_delete BEFORE DELETE ON received_bundle
BEGIN
    SELECT RAISE(ABORT, '第八条：收到的考核数据包按原样保存，只读，不能删除');
END;
