using ShuzhiKaohe.Abstractions;

namespace Shuzhi.NonPublic;

/// <summary>
/// The sector's own focus items. They share 30 of the catalogue's 100 points at each level (the host adds 50 for
/// 第四条's five standard items and 20 for the two mandatory ones); the lower the level, the fewer (第六条).
/// </summary>
internal sealed class NonPublicFocus : IFocusItemCatalogue
{
    public string Sector => NonPublicDescriptor.Key;

    private static readonly FocusItemDefinition Coverage = new("np.coverage", "党的组织和工作覆盖质量", 0,
        "随机走访园区、楼宇内的企业和社会组织，看已建党组织是否正常运转、未建的是否有党建指导员实际联系，听出资人和员工讲实情。",
        "党组织和党的工作覆盖的实际质量（防止“空壳”）");

    private static readonly FocusItemDefinition Guidance = new("np.guidance", "党组织政治引领和促进发展", 0,
        "到企业或社会组织看党组织在一件具体的经营、服务事项中起了什么作用，听出资人、管理人员评价。",
        "党组织促进企业健康发展、社会组织依法执业的实际作用");

    private static readonly FocusItemDefinition Workers = new("np.workers", "凝聚服务职工群众", 0,
        "随机访谈职工，了解党组织帮助解决的一件实际困难（欠薪、技能、子女入学等）。",
        "职工群众对党组织服务的评价");

    /// <summary>From 2023 the new-employment groups (快递员、外卖员、网约车司机) are named in the year's tasks.</summary>
    private static readonly FocusItemDefinition NewGroups = new("np.new_groups", "新就业群体党建", 0,
        "到平台企业站点看服务新就业群体的具体举措，听快递员、外卖员、网约车司机评价。",
        "新就业群体对党组织关心关爱的实际感受");

    public IReadOnlyList<FocusItemDefinition> ItemsFor(int level, int year)
    {
        (FocusItemDefinition Item, decimal Weight)[] items = level switch
        {
            1 or 2 when year >= 2023 => [(Coverage, 10), (Guidance, 8), (Workers, 6), (NewGroups, 6)],
            1 or 2 => [(Coverage, 12), (Guidance, 10), (Workers, 8)],
            _ => [(Guidance, 15), (Workers, 15)],
        };
        return items.Select(i => i.Item with { Weight = i.Weight }).ToList();
    }
}
