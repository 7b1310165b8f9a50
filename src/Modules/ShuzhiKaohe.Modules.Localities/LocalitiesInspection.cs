using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.Localities;

/// <summary>
/// What to see and whom to hear in a locality (第六条 "多到现场看，多见具体事，多听群众说"). Sites are drawn at
/// random by the inspectors, not chosen by the assessed committee, so that what is seen is ordinary work.
/// </summary>
internal sealed class LocalitiesChecklist : IInspectionChecklist
{
    public string Sector => SectorKeys.Localities;

    public IReadOnlyList<ChecklistEntry> For(int level) => level switch
    {
        1 or 2 =>
        [
            new("loc.site.county", "随机抽取一个县（市、区）、一个乡镇和一个街道，看书记抓基层党建解决的具体难题", "县乡村干部、普通党员、群众"),
            new("loc.site.village", "随机抽取的村（社区）党群服务中心运行和集体经济项目", "村民、居民、老党员"),
            new("loc.site.new_groups", "快递、外卖站点或商务楼宇的党建服务站点", "骑手、快递员、楼宇企业员工"),
        ],
        3 =>
        [
            new("loc.site.village", "随机抽取的村（社区）党群服务中心和集体经济项目", "村民、普通党员"),
            new("loc.site.weak", "上年确定的软弱涣散村的班子运转", "村民代表、老党员"),
        ],
        4 => [new("loc.site.village", "本乡镇（街道）随机一个村（社区）的党群服务中心和一件实事项目", "村民（居民）")],
        _ => [new("loc.site.village_service", "村（社区）党组织带领群众办成的一件实事", "村民（居民）")],
    };
}

/// <summary>
/// 第五条: "市（地、州、盟）、县（市、区、旗）、乡镇（街道）党（工）委书记一般应现场述职" — levels 2, 3 and 4.
/// The locality adds two rules against burdening the grassroots (第六条 "切实为基层减负"): judging villages by the
/// plaques they hang or the forms they fill is counting paper, not work.
/// </summary>
internal sealed class LocalitiesRules : ISectorRules
{
    public string Sector => SectorKeys.Localities;
    public bool RequiresOnSiteDebriefing(int level) => level is 2 or 3 or 4;

    public IReadOnlyList<FormalismRule> AdditionalFormalismRules { get; } =
    [
        new("loc.plaques", "(?:挂牌|牌子|标牌|牌匾|制度上墙|上墙)(?:的)?(?:数量|个数|块数|多少|是否齐全|齐全)",
            "村（社区）挂牌、制度上墙的数量"),
        new("loc.forms", "(?:报表|表格|填报|表册)(?:的)?(?:数量|份数|次数|及时率|完成率)",
            "基层填报报表的数量或及时率"),
    ];
}
