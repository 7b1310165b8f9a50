-- 0033: the superior circulates the progress of a campaign's rectification list (第七条 "上级党组织…督促整改";
-- issue 6: "the superior can circulate progress"). Each circulation keeps who, when, the scope and the counts
-- as they stood, so a later reader sees what was circulated, not today's figures.
CREATE TABLE rectification_circulation (
    id             INTEGER PRIMARY KEY,
    campaign_id    INTEGER NOT NULL REFERENCES campaign(id),
    scope          TEXT,
    items          INTEGER NOT NULL,
    open           INTEGER NOT NULL,
    in_progress    INTEGER NOT NULL,
    done           INTEGER NOT NULL,
    overdue        INTEGER NOT NULL,
    circulated_by  TEXT    NOT NULL,
    circulated_at  TEXT    NOT NULL
) STRICT;

CREATE INDEX rectification_circulation_by_campaign ON rectification_circulation(campaign_id);
