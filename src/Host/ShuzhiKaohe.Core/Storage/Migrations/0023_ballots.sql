-- 0023: anonymous evaluation ballots (评议, 第五条). No table here has a column that could hold the identity of
-- whoever filled a sheet: a sheet is a serial, a void flag and its marks. keyed_by is the operator who typed the
-- paper sheet in (auditable), never its voter.
CREATE TABLE ballot_issue (
    campaign_id  INTEGER NOT NULL PRIMARY KEY REFERENCES campaign(id),
    issued       INTEGER NOT NULL CHECK (issued > 0),
    recorded_by  TEXT    NOT NULL,
    recorded_at  TEXT    NOT NULL,
    row_version  INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE ballot_sheet (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaign(id),
    serial       TEXT    NOT NULL,
    is_void      INTEGER NOT NULL CHECK (is_void IN (0, 1)),
    -- SHA-256 of the sheet's canonical content when it was keyed; ballot verify recomputes it.
    digest       TEXT    NOT NULL,
    keyed_by     TEXT    NOT NULL,
    keyed_at     TEXT    NOT NULL,
    row_version  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (campaign_id, serial)
) STRICT;

-- One mark per reporter on a sheet; a reporter left out is blank (no row). mark: 1 好, 2 较好, 3 一般, 4 差.
-- campaign_id is repeated here so that the tally reads one covering index in order: no join, no sort.
CREATE TABLE ballot_mark (
    sheet_id     INTEGER NOT NULL REFERENCES ballot_sheet(id),
    entry_id     INTEGER NOT NULL REFERENCES roster_entry(id),
    campaign_id  INTEGER NOT NULL,
    mark         INTEGER NOT NULL CHECK (mark BETWEEN 1 AND 4),
    PRIMARY KEY (sheet_id, entry_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX ballot_mark_tally ON ballot_mark(campaign_id, entry_id, mark);

-- The seal the program keeps over a campaign's sheets: how many, how many marks, and the hash over the sheets'
-- digests in serial order. ballot verify compares the sheets as they are now with it.
CREATE TABLE ballot_seal (
    campaign_id  INTEGER NOT NULL PRIMARY KEY REFERENCES campaign(id),
    sheets       INTEGER NOT NULL,
    marks        INTEGER NOT NULL,
    hash         TEXT    NOT NULL,
    sealed_at    TEXT    NOT NULL,
    row_version  INTEGER NOT NULL DEFAULT 1
) STRICT;
