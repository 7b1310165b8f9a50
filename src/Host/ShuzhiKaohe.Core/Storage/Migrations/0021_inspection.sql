-- 0021: on-site inspection scores (实地考核, 第六条): 0–100 per focus item per assessee, with the kinds of
-- evidence behind each score. Briefings and records (听汇报、查资料、看台账) are never a score's only evidence.
CREATE TABLE inspection_score (
    id           INTEGER PRIMARY KEY,
    entry_id     INTEGER NOT NULL REFERENCES roster_entry(id),
    item_code    TEXT    NOT NULL,
    score        REAL    NOT NULL CHECK (score BETWEEN 0 AND 100),
    note         TEXT,
    recorded_by  TEXT    NOT NULL,
    recorded_at  TEXT    NOT NULL,
    row_version  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (entry_id, item_code)
) STRICT;

CREATE TABLE inspection_evidence (
    score_id  INTEGER NOT NULL REFERENCES inspection_score(id) ON DELETE CASCADE,
    kind      TEXT    NOT NULL CHECK (kind IN ('site', 'interview', 'briefing', 'records')),
    PRIMARY KEY (score_id, kind)
) STRICT, WITHOUT ROWID;
