-- 0031: consequences (第七条) and the rectification list (整改清单, 第四、七条).
-- The annual assessment (年度考核) of the assessee of org_code in year; conflicting = 1 when an approved grade
-- other than 好 makes an 优秀 impossible (listed until corrected).
CREATE TABLE annual_assessment (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL,
    org_code     TEXT    NOT NULL REFERENCES organisation(code),
    grade        TEXT    NOT NULL CHECK (grade IN ('优秀', '称职', '基本称职', '不称职')),
    conflicting  INTEGER NOT NULL DEFAULT 0 CHECK (conflicting IN (0, 1)),
    recorded_by  TEXT    NOT NULL,
    recorded_at  TEXT    NOT NULL,
    row_version  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (year, org_code)
) STRICT;

-- 约谈提醒, created by the approval for a grade of 一般 or 差.
CREATE TABLE reminder_interview (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaign(id),
    org_code     TEXT    NOT NULL,
    grade        TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    UNIQUE (campaign_id, org_code)
) STRICT;

CREATE TABLE rectification_item (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER REFERENCES campaign(id),
    org_code      TEXT    NOT NULL REFERENCES organisation(code),
    source        TEXT    NOT NULL CHECK (source IN ('comment', 'ballot', 'inspection', 'evaluation', 'inspection_tour', 'consequence')),
    source_ref    TEXT,
    description   TEXT    NOT NULL,
    measures      TEXT,
    owner         TEXT,
    deadline      TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done')),
    -- 第七条 追责问责: a referral is recorded beside the item and never closes it ("避免简单以问责代替整改").
    referral      TEXT,
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    row_version   INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX rectification_item_by_org ON rectification_item(org_code, status);

CREATE TABLE rectification_progress (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES rectification_item(id),
    note         TEXT    NOT NULL,
    to_status    TEXT    NOT NULL,
    recorded_by  TEXT    NOT NULL,
    recorded_at  TEXT    NOT NULL
) STRICT;
