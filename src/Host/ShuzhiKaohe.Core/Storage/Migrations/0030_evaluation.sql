-- 0030: comprehensive evaluation (综合评价, 第六条): routine observation, the grade of each assessee with how it
-- came about (proposed by the sector strategy, set by hand with a reason, approved, revised by a later decision),
-- the committee's approval, revisions and the feedback / circulation / archiving records.
CREATE TABLE evaluation_observation (
    entry_id     INTEGER NOT NULL PRIMARY KEY REFERENCES roster_entry(id),
    score        REAL    NOT NULL CHECK (score BETWEEN 0 AND 100),
    note         TEXT,
    recorded_by  TEXT    NOT NULL,
    recorded_at  TEXT    NOT NULL,
    row_version  INTEGER NOT NULL DEFAULT 1
) STRICT;

-- grade: good | fairly_good | average | poor. status: proposed | set | approved | revised.
CREATE TABLE evaluation_grade (
    entry_id        INTEGER NOT NULL PRIMARY KEY REFERENCES roster_entry(id),
    campaign_id     INTEGER NOT NULL REFERENCES campaign(id),
    org_code        TEXT    NOT NULL,
    score           REAL,
    proposed_grade  TEXT    CHECK (proposed_grade IN ('good', 'fairly_good', 'average', 'poor')),
    grade           TEXT    NOT NULL CHECK (grade IN ('good', 'fairly_good', 'average', 'poor')),
    status          TEXT    NOT NULL CHECK (status IN ('proposed', 'set', 'approved', 'revised')),
    explanation     TEXT,
    -- 第六条: a grade set by hand over the proposal needs a reason.
    reason          TEXT,
    recorded_by     TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL,
    row_version     INTEGER NOT NULL DEFAULT 1,
    CHECK (status <> 'set' OR reason IS NOT NULL)
) STRICT;

CREATE INDEX evaluation_grade_by_campaign ON evaluation_grade(campaign_id);

-- 第六条 "党委（党组）研究": one approval per campaign.
CREATE TABLE evaluation_approval (
    campaign_id  INTEGER NOT NULL PRIMARY KEY REFERENCES campaign(id),
    meeting      TEXT,
    approved_by  TEXT    NOT NULL,
    approved_at  TEXT    NOT NULL
) STRICT;

-- Approved grades are never edited: a change is a new decision with its reason, kept here in order.
CREATE TABLE evaluation_revision (
    id           INTEGER PRIMARY KEY,
    entry_id     INTEGER NOT NULL REFERENCES roster_entry(id),
    from_grade   TEXT    NOT NULL,
    to_grade     TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    decision     TEXT    NOT NULL,
    revised_by   TEXT    NOT NULL,
    revised_at   TEXT    NOT NULL
) STRICT;

-- 第六条: feedback to the person, circulation within a scope, archiving into the cadre file.
CREATE TABLE evaluation_followup (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaign(id),
    org_code     TEXT,
    kind         TEXT    NOT NULL CHECK (kind IN ('feedback', 'circulate', 'archive')),
    scope        TEXT,
    done_by      TEXT    NOT NULL,
    recorded_by  TEXT    NOT NULL,
    recorded_at  TEXT    NOT NULL
) STRICT;
