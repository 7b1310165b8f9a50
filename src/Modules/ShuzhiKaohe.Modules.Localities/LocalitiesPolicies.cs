using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.Localities;

/// <summary>地方: 省 → 市 → 县 → 乡镇 → 村（社区）, and the work committees beside a locality's committee (第三条).</summary>
internal sealed class LocalitiesDescriptor : ISectorDescriptor
{
    public string Sector => SectorKeys.Localities;
    public string Name => "地方";

    public IReadOnlyList<OrganisationLevel> Levels { get; } =
    [
        new(1, "省（自治区、直辖市）党委", AssessedAsReporter: false),
        new(2, "市（地、州、盟）党委"),
        new(3, "县（市、区、旗）党委"),
        new(4, "乡镇（街道）党（工）委"),
        new(5, "村（社区）党组织", AssessedAsReporter: false),
    ];

    public IReadOnlyList<OrganisationKind> Kinds { get; } =
    [
        new("committee", "地方党委"),
        new("grouping", "统计分组（非党组织）"),
        new("work_committee", "工委（机关工委、国资委党委、教育工委、非公工委）"),
        new("village", "村党组织"),
        new("community", "社区党组织"),
    ];
}

/// <summary>The locality's focus items: fewer the lower the level (第六条 "越往下考核工作越要简化").</summary>
internal sealed class LocalitiesFocus : IFocusItemCatalogue
{
    public string Sector => SectorKeys.Localities;

    private static readonly FocusItemDefinition RuralRevitalisation = new("loc.rural", "抓党建促乡村振兴", 20,
        "到村查看产业项目、集体经济收入台账以外的实物成果，走访农户了解带富增收实效。", "村党组织带领群众增收致富的实际成效");
    private static readonly FocusItemDefinition UrbanGrassroots = new("loc.urban", "城市基层党建", 15,
        "到街道、社区查看党群服务中心运行和共驻共建项目，听居民评价。", "街道社区党组织统筹服务群众的实际效果");
    private static readonly FocusItemDefinition Governance = new("loc.governance", "党建引领基层治理", 15,
        "现场查看网格治理和矛盾纠纷化解情况，走访群众了解问题解决实效。", "群众反映的问题是否得到解决");
    private static readonly FocusItemDefinition WeakOrganisations = new("loc.weak", "软弱涣散基层党组织整顿", 15,
        "到被整顿的村（社区）查看班子运转，走访党员群众了解转化实效。", "软弱涣散党组织是否真正转化提升");

    public IReadOnlyList<FocusItemDefinition> ItemsFor(int level, int year) => level switch
    {
        2 => [RuralRevitalisation, UrbanGrassroots, Governance, WeakOrganisations],
        3 => [RuralRevitalisation, Governance, WeakOrganisations],
        4 => [RuralRevitalisation, Governance],
        _ => [Governance],
    };
}

/// <summary>
/// 地方 weighs the ballots and the on-site inspection equally: locality secretaries report on site before
/// large meetings of delegates and the masses (第五条), and the inspection sees the villages themselves.
/// </summary>
internal sealed class LocalitiesScoring : IScoringStrategy
{
    public string Sector => SectorKeys.Localities;
    private static readonly InputWeights Weights = new(Ballots: 0.4, Inspection: 0.4, Observation: 0.2);
    private static readonly GradeThresholds Thresholds = new(Good: 90, FairlyGood: 80, Average: 65);

    public ScoreResult Score(ScoringInputs inputs) => WeightedScore.Combine(inputs, Weights, MarkValues.Standard, Thresholds, "地方");
}

/// <summary>What to see and whom to hear in a locality (第六条 "多到现场看，多见具体事，多听群众说").</summary>
internal sealed class LocalitiesChecklist : IInspectionChecklist
{
    public string Sector => SectorKeys.Localities;

    public IReadOnlyList<ChecklistEntry> For(int level) => level switch
    {
        <= 3 =>
        [
            new("loc.site.village", "随机抽取的村（社区）党群服务中心和集体经济项目", "村民、普通党员"),
            new("loc.site.weak", "上年确定的软弱涣散村的班子运转", "村民代表、老党员"),
        ],
        _ => [new("loc.site.village", "本乡镇一个村的党群服务中心和实事项目", "村民")],
    };
}

/// <summary>第五条: city, county and township (街道) secretaries generally report on site.</summary>
internal sealed class LocalitiesRules : ISectorRules
{
    public string Sector => SectorKeys.Localities;
    public bool RequiresOnSiteDebriefing(int level) => level is 2 or 3 or 4;
    public IReadOnlyList<FormalismRule> AdditionalFormalismRules { get; } = [];
}

/// <summary>The module's registrar: its policies are discovered by the host; nothing else to add.</summary>
internal sealed class LocalitiesRegistrar : IModuleRegistrar
{
    public void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }
}
