namespace ShuzhiKaohe.Abstractions;

/// <summary>
/// Every policy a sector plugin supplies names the sector it applies to. The host discovers these
/// classes in a plugin assembly (any class implementing one of the interfaces below) and indexes them
/// by <see cref="Sector"/>; a plugin that covers two sectors supplies one class per sector.
/// </summary>
public interface ISectorPolicy
{
    /// <summary>The sector key (see <see cref="SectorKeys"/>), declared in the plugin manifest too.</summary>
    string Sector { get; }
}

/// <summary>Who the sector's organisations are: its levels and kinds, with Chinese names (第三条).</summary>
public interface ISectorDescriptor : ISectorPolicy
{
    /// <summary>The sector's Chinese name, e.g. 地方, 国有企业.</summary>
    string Name { get; }

    /// <summary>The levels from the top (1) down; each is assessed by the level above (上一级党组织, 第三条).</summary>
    IReadOnlyList<OrganisationLevel> Levels { get; }

    /// <summary>Kinds of organisation the sector distinguishes (may be empty).</summary>
    IReadOnlyList<OrganisationKind> Kinds { get; }
}

/// <summary>
/// The sector's own focus items (重点内容, 第四条) per level and year. The host always adds the five standard
/// items and the two mandatory ones itself, so a plugin returns only its sector's items. Lower levels should
/// get fewer items (第六条 "越往下考核工作越要简化").
/// </summary>
public interface IFocusItemCatalogue : ISectorPolicy
{
    IReadOnlyList<FocusItemDefinition> ItemsFor(int level, int year);
}

/// <summary>A focus item with its weight and scoring rubric.</summary>
/// <param name="Code">Stable code, unique within the sector, e.g. "soe.governance".</param>
/// <param name="Title">Chinese title.</param>
/// <param name="Weight">Relative weight, greater than 0 and at most 100.</param>
/// <param name="Rubric">How an inspector scores it 0–100: what is seen on site, whom to hear.</param>
/// <param name="Indicator">What is judged (checked by the anti-formalism guard, 第六条).</param>
public sealed record FocusItemDefinition(string Code, string Title, decimal Weight, string Rubric, string Indicator);

/// <summary>
/// How a sector combines the inputs of the comprehensive evaluation (综合评价, 第六条) — ballots, on-site
/// inspection and routine observation (平时调研了解) — into a score and a proposed grade. The quota is
/// applied by the host afterwards; a strategy only proposes by thresholds.
/// </summary>
public interface IScoringStrategy : ISectorPolicy
{
    ScoreResult Score(ScoringInputs inputs);
}

/// <summary>Counts of marks for one reporter on the valid (non-void) ballot sheets.</summary>
public sealed record BallotCounts(int Good, int FairlyGood, int Average, int Poor, int Blank)
{
    public static readonly BallotCounts None = new(0, 0, 0, 0, 0);

    /// <summary>Marks that rate the reporter (blanks excluded).</summary>
    public int Rated => Good + FairlyGood + Average + Poor;
}

/// <summary>The inputs of one assessee's evaluation.</summary>
/// <param name="OrganisationCode">The assessed organisation.</param>
/// <param name="Level">Its level within the sector.</param>
/// <param name="Ballots">The tally of marks for the assessee.</param>
/// <param name="InspectionScore">Weighted mean of the on-site inspection scores (0–100), or null when none.</param>
/// <param name="ObservationScore">Routine observation 平时了解 (0–100), or null when not entered.</param>
public sealed record ScoringInputs(
    string OrganisationCode,
    int Level,
    BallotCounts Ballots,
    double? InspectionScore,
    double? ObservationScore);

/// <summary>One input's share of a score, for the explanation an operator reads.</summary>
public sealed record ScoreComponent(string Name, double? Input, double Weight, double Contribution);

/// <summary>A score (0–100), the grade its thresholds propose, and why, in Chinese.</summary>
public sealed record ScoreResult(double Score, Grade ProposedGrade, string Explanation, IReadOnlyList<ScoreComponent> Components);

/// <summary>
/// What inspectors look at on site, per level (实地考核, 第六条 "多到现场看，多见具体事，多听群众说"). Never counts
/// of meetings, documents, instructions, records or publicity.
/// </summary>
public interface IInspectionChecklist : ISectorPolicy
{
    IReadOnlyList<ChecklistEntry> For(int level);
}

/// <summary>One thing to see and the people to hear about it.</summary>
public sealed record ChecklistEntry(string Code, string WhatToSee, string WhomToHear);

/// <summary>Sector rules that are not scoring: who reports on site, and extra anti-formalism rules.</summary>
public interface ISectorRules : ISectorPolicy
{
    /// <summary>第五条: city, county and township secretaries generally report on site; a sector says which of its levels must.</summary>
    bool RequiresOnSiteDebriefing(int level);

    /// <summary>Rules the anti-formalism guard (第六条) applies in addition to the host's. A plugin can add, never remove.</summary>
    IReadOnlyList<FormalismRule> AdditionalFormalismRules { get; }
}

/// <summary>
/// An anti-formalism rule: a regular expression over an indicator's text that, when it matches, shows the
/// indicator judges work by something 第六条 forbids ("不以开会发文、领导批示、记录留痕、信息宣传数量等评判工作好坏").
/// </summary>
/// <param name="Id">Stable id, e.g. "meeting-count".</param>
/// <param name="Pattern">.NET regular expression, matched case-insensitively.</param>
/// <param name="Explanation">Chinese, shown in the refusal.</param>
public sealed record FormalismRule(string Id, string Pattern, string Explanation);
