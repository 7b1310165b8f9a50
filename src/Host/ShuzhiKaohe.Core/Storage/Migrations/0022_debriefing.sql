-- 0022: the debriefing session (述职评议会, 第五、八条): the meeting record, each assessee's debriefing and
-- report, and the comments (点评) with their problems (each can later become a rectification item).
CREATE TABLE session_meeting (
    campaign_id  INTEGER NOT NULL PRIMARY KEY REFERENCES campaign(id),
    form_key     TEXT    NOT NULL CHECK (form_key IN ('standing_committee_enlarged', 'committee_enlarged', 'other')),
    form         TEXT    NOT NULL,
    held_on      TEXT    NOT NULL,
    recorded_by  TEXT    NOT NULL,
    recorded_at  TEXT    NOT NULL,
    row_version  INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Invited attendees by category (第五、八条); counts only, never names.
CREATE TABLE session_attendance (
    campaign_id  INTEGER NOT NULL REFERENCES session_meeting(campaign_id) ON DELETE CASCADE,
    category     TEXT    NOT NULL
                 CHECK (category IN ('party_delegate', 'npc_deputy', 'cppcc_member', 'grassroots', 'org_department')),
    attendees    INTEGER NOT NULL CHECK (attendees >= 0),
    PRIMARY KEY (campaign_id, category)
) STRICT, WITHOUT ROWID;

CREATE TABLE debriefing (
    id              INTEGER PRIMARY KEY,
    entry_id        INTEGER NOT NULL UNIQUE REFERENCES roster_entry(id),
    mode            TEXT    NOT NULL CHECK (mode IN ('onsite', 'written')),
    written_reason  TEXT,
    -- The report's four parts (第五条 "总结工作成效，主要查摆突出问题、分析产生根源，提出破解工作瓶颈的措施").
    achievements    TEXT,
    problems        TEXT,
    causes          TEXT,
    measures        TEXT,
    report_text     TEXT,
    report_source   TEXT,
    recorded_by     TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL,
    row_version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE comment (
    id           INTEGER PRIMARY KEY,
    entry_id     INTEGER NOT NULL REFERENCES roster_entry(id),
    by_role      TEXT    NOT NULL CHECK (by_role IN ('superior', 'member', 'higher')),
    commenter    TEXT,
    mode         TEXT    NOT NULL CHECK (mode IN ('one_by_one', 'collective')),
    problems     TEXT,
    direction    TEXT,
    recorded_by  TEXT    NOT NULL,
    recorded_at  TEXT    NOT NULL,
    row_version  INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX comment_by_entry ON comment(entry_id);

CREATE TABLE comment_problem (
    id          INTEGER PRIMARY KEY,
    comment_id  INTEGER NOT NULL REFERENCES comment(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    UNIQUE (comment_id, seq)
) STRICT;
