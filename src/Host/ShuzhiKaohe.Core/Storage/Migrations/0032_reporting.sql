-- 0032: publication of the reports within a recorded scope after the session (第五条 "述职报告…在一定范围内公开").
CREATE TABLE report_publication (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER NOT NULL REFERENCES campaign(id),
    scope         TEXT    NOT NULL,
    published_by  TEXT    NOT NULL,
    published_at  TEXT    NOT NULL
) STRICT;
