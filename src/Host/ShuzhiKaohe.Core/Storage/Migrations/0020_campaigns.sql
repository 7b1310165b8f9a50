-- 0020: the annual campaign (第三、五条): one organiser × one year, its stages and its roster.
-- Every mutable row carries row_version; an update names the version it read and fails if it moved.
CREATE TABLE campaign (
    id               INTEGER PRIMARY KEY,
    organiser_code   TEXT    NOT NULL REFERENCES organisation(code),
    -- 第十条: in force from 2019-12-30, so 2019 is the first assessed year.
    year             INTEGER NOT NULL CHECK (year >= 2019),
    stage            TEXT    NOT NULL DEFAULT 'plan'
                     CHECK (stage IN ('plan', 'inspection', 'session', 'evaluation', 'approved', 'closed')),
    -- 第六条 "评价为'较好'或以下等次的应占一定比例": the minimum share, used by the evaluation.
    min_below_good   REAL    CHECK (min_below_good IS NULL OR (min_below_good > 0 AND min_below_good < 1)),
    -- 第四条 "防止面面俱到": more focus items than this per assessee is warned about.
    focus_limit      INTEGER NOT NULL DEFAULT 12 CHECK (focus_limit BETWEEN 1 AND 100),
    created_at       TEXT    NOT NULL,
    created_by       TEXT    NOT NULL,
    row_version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (organiser_code, year)
) STRICT;

-- Each move between stages, who made it and when: any operator can see where a campaign stands and resume.
CREATE TABLE campaign_stage_move (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaign(id),
    from_stage   TEXT,
    to_stage     TEXT    NOT NULL,
    note         TEXT,
    moved_at     TEXT    NOT NULL,
    moved_by     TEXT    NOT NULL
) STRICT;

CREATE INDEX campaign_stage_move_by_campaign ON campaign_stage_move(campaign_id, id);

-- One assessed organisation of a campaign. Removed entries stay, with their reason (第三条 roster edits).
-- The assessee is the secretary in post at the session date: resolved from secretary_term while the campaign
-- is open, written into assessee_term_id when the session ends (or when an operator pins one in plan).
CREATE TABLE roster_entry (
    id                INTEGER PRIMARY KEY,
    campaign_id       INTEGER NOT NULL REFERENCES campaign(id),
    org_code          TEXT    NOT NULL REFERENCES organisation(code),
    origin            TEXT    NOT NULL CHECK (origin IN ('default', 'extra')),
    added_reason      TEXT,
    added_by          TEXT    NOT NULL,
    added_at          TEXT    NOT NULL,
    removed_reason    TEXT,
    removed_by        TEXT,
    removed_at        TEXT,
    assessee_term_id  INTEGER REFERENCES secretary_term(id),
    assessee_pinned   INTEGER NOT NULL DEFAULT 0 CHECK (assessee_pinned IN (0, 1)),
    row_version       INTEGER NOT NULL DEFAULT 1,
    UNIQUE (campaign_id, org_code),
    CHECK ((removed_at IS NULL) = (removed_reason IS NULL))
) STRICT;

-- The organiser's annual key tasks (年度重点任务, 第四条). Standard, sector and mandatory items are not stored:
-- Core and the sector plugin supply them for the campaign's year and each assessee's level.
CREATE TABLE campaign_focus_item (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaign(id),
    code         TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    indicator    TEXT,
    weight       REAL    NOT NULL CHECK (weight > 0 AND weight <= 100),
    added_by     TEXT    NOT NULL,
    added_at     TEXT    NOT NULL,
    row_version  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (campaign_id, code)
) STRICT;
