namespace ShuzhiKaohe.Core.Security;

/// <summary>
/// Everything an operator may be allowed to do. A permission is either <b>scoped</b> (checked against an
/// organisation: the operator needs a grant whose subtree, and sector if narrowed, covers it) or <b>system</b>
/// (about the whole installation: the grant must cover the whole tree, scope <c>*</c>).
/// Feature code asks for the narrowest permission that names what it does.
/// </summary>
public enum Permission
{
    // —— scoped: checked against the organisation the data belongs to ——
    /// <summary>See organisations, their secretaries and the tree.</summary>
    OrganisationRead,
    /// <summary>Edit organisations and secretary terms in the subtree.</summary>
    OrganisationWrite,
    /// <summary>See campaigns (plan, roster, focus items, sessions) of organisers in scope.</summary>
    CampaignRead,
    /// <summary>Plan, open, close a campaign; edit its roster, focus items and sessions (organiser's work).</summary>
    CampaignManage,
    /// <summary>Record reports (述职) and comments (点评).</summary>
    DebriefingWrite,
    /// <summary>Record on-site inspection findings and scores (实地考核).</summary>
    InspectionWrite,
    /// <summary>Key in paper ballot sheets (测评票) — sheets only.</summary>
    BallotEntry,
    /// <summary>See ballot totals and running results (clerks may not, until the session is closed: issue 9 §3).</summary>
    BallotResultsRead,
    /// <summary>See evaluations and grades (综合评价、等次).</summary>
    EvaluationRead,
    /// <summary>Propose and record grades and evaluation texts; record committee approval.</summary>
    EvaluationWrite,
    /// <summary>See rectification lists (整改清单) and consequences.</summary>
    RectificationRead,
    /// <summary>Edit rectification items, interviews and referrals.</summary>
    RectificationWrite,
    /// <summary>Export results and bundles for the level above or the personnel department.</summary>
    ReportExport,
    /// <summary>Read the audit trail of organisations in scope.</summary>
    AuditRead,
    /// <summary>Database status and the plugin list. Every role has it, asked without an organisation.</summary>
    StatusRead,

    // —— system: the grant must cover the whole tree (scope *) ——
    /// <summary>Migrate and back up the database.</summary>
    DatabaseAdminister,
    /// <summary>Approve and revoke plugins.</summary>
    PluginManage,
    /// <summary>Add operators; grant and revoke roles; print their SSH lines.</summary>
    OperatorManage,
    /// <summary>Verify the audit chain against the data.</summary>
    AuditVerify,
    /// <summary>Bulk imports that replace data across the tree (the organisation tree).</summary>
    BulkImport,
}

/// <summary>The five roles of issue 9.</summary>
public enum Role
{
    /// <summary>Runs the installation: everything, in the grant's scope.</summary>
    Administrator,
    /// <summary>Organisation department staff running campaigns for their organisation (组织部门).</summary>
    Organiser,
    /// <summary>On-site inspection findings only (实地考核).</summary>
    Inspector,
    /// <summary>Ballot entry only (计票).</summary>
    Clerk,
    /// <summary>Supervision, read-only (e.g. a 国资委党委 over its sector in its locality).</summary>
    Reader,
}
