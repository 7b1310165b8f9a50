using ShuzhiKaohe.Abstractions;

namespace Fixture;

// The smallest complete set of policies; each fixture names its sector in FixtureInfo.Sector.
internal sealed class Descriptor : ISectorDescriptor
{
    public string Sector => FixtureInfo.Sector;
    public string Name => "测试板块";
    public IReadOnlyList<OrganisationLevel> Levels { get; } = [new(1, "一级"), new(2, "二级")];
    public IReadOnlyList<OrganisationKind> Kinds { get; } = [];
}

internal sealed class Focus : IFocusItemCatalogue
{
    public string Sector => FixtureInfo.Sector;
    public IReadOnlyList<FocusItemDefinition> ItemsFor(int level, int year) =>
        [new($"{FixtureInfo.Sector}.item", "测试重点", 10, "到现场看", "群众满意度")];
}

internal sealed class Scoring : IScoringStrategy
{
    public string Sector => FixtureInfo.Sector;
    public ScoreResult Score(ScoringInputs inputs) =>
        WeightedScore.Combine(inputs, new(1, 1, 1), MarkValues.Standard, new(90, 80, 60), "测试");
}

internal sealed class Checklist : IInspectionChecklist
{
    public string Sector => FixtureInfo.Sector;
    public IReadOnlyList<ChecklistEntry> For(int level) => [new("x", "现场", "群众")];
}

internal sealed class Rules : ISectorRules
{
    public string Sector => FixtureInfo.Sector;
    public bool RequiresOnSiteDebriefing(int level) => false;
    public IReadOnlyList<FormalismRule> AdditionalFormalismRules { get; } = [];
}
