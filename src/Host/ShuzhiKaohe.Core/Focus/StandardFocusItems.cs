using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Core.Focus;

/// <summary>
/// The focus items Core adds to every campaign, whatever the sector (第四条), so no plugin can leave them out:
/// the five standard contents (一)–(五) and the two items the article says to check every year.
/// Weights are points of 100: standard 50, mandatory 20, and the remaining <see cref="SectorWeightTotal"/> is
/// what a sector plugin shares out among its own items at each level, so that a level's catalogue totals 100.
/// </summary>
public static class StandardFocusItems
{
    /// <summary>The points a sector's own items at one level add up to (100 − 50 − 20).</summary>
    public const decimal SectorWeightTotal = ShuzhiKaohe.Abstractions.SectorItemWeights.SectorPoints;

    /// <summary>第四条（一）</summary>
    public static readonly FocusItemDefinition Theory = new("std.1",
        "学习贯彻习近平新时代中国特色社会主义思想，落实党中央重大决策部署，增强“四个意识”、坚定“四个自信”、做到“两个维护”",
        10m,
        "到基层党组织随机走访党员，听其讲本单位如何把党中央部署落到具体工作上；查看一项上级重大部署在基层落地的实际事项。好：党员讲得清、事项落得实；一般：停留在传达层面；差：部署在基层没有着落。",
        "基层党组织和党员干部把党中央重大决策部署落到实处的实际成效（第四条（一））");

    /// <summary>第四条（二）</summary>
    public static readonly FocusItemDefinition Responsibility = new("std.2",
        "书记履行抓基层党建第一责任人职责，班子履行主体责任、其他成员履行分管领域责任",
        12m,
        "听班子成员和下级书记讲书记亲自研究解决过哪些基层党建难题，到问题所在的基层单位核实解决结果。好：书记亲自抓、问题真解决；一般：部署多、解决少；差：责任悬空、问题依旧。",
        "书记亲自推动解决基层党建突出问题的实际结果（第四条（二））");

    /// <summary>第四条（三）</summary>
    public static readonly FocusItemDefinition GrassrootsTasks = new("std.3",
        "落实基层党建重点任务，加强党支部建设和党员队伍建设，联系服务群众",
        10m,
        "随机抽取党支部到现场看组织生活和服务群众的实事，走访党员和群众听其评价。好：支部有凝聚力、群众认可；一般：运转正常但作用一般；差：支部软弱涣散。",
        "党支部战斗力和群众对党员联系服务的评价（第四条（三））");

    /// <summary>第四条（四）</summary>
    public static readonly FocusItemDefinition CentralTasks = new("std.4",
        "围绕中心任务发挥基层党组织战斗堡垒作用和党员先锋模范作用",
        10m,
        "到承担本地区本单位中心任务的一线现场，看党组织和党员在攻坚中做了什么、成效如何，听一线干部群众评价。",
        "基层党组织和党员在中心任务一线发挥作用的实际成效（第四条（四））");

    /// <summary>第四条（五）</summary>
    public static readonly FocusItemDefinition StrictGovernance = new("std.5",
        "推动基层落实党风廉政建设责任制、意识形态工作责任制等全面从严治党工作",
        8m,
        "走访群众了解身边的不正之风和腐败问题是否得到纠治，核实群众反映的具体问题的处理结果。",
        "群众身边不正之风和腐败问题的纠治结果（第四条（五））");

    /// <summary>第四条: "注重考核上年度述职评议考核整改清单落实情况".</summary>
    public static readonly FocusItemDefinition Rectification = new("mandatory.rectification",
        "上年度述职评议考核整改清单落实情况",
        10m,
        "逐项对照上年度整改清单，到问题所在单位现场核实整改结果，听当事党员群众评价问题是否真正解决。好：全部整改到位；一般：部分到位；差：多数未动或反弹。",
        "上年度整改清单所列问题是否真正解决（第四条、第七条）");

    /// <summary>第四条: "巡视、巡察反馈中涉及基层党建工作问题整改情况".</summary>
    public static readonly FocusItemDefinition InspectionTourFeedback = new("mandatory.inspection_tour",
        "巡视、巡察反馈中涉及基层党建工作问题整改情况",
        10m,
        "对照巡视、巡察反馈的基层党建问题，到相关基层单位现场核实整改结果，走访党员群众听其评价。",
        "巡视、巡察反馈的基层党建问题是否真正解决（第四条）");

    /// <summary>第四条（一）–（五）, in the article's order.</summary>
    public static readonly IReadOnlyList<FocusItemDefinition> Standard = [Theory, Responsibility, GrassrootsTasks, CentralTasks, StrictGovernance];

    /// <summary>The two items 第四条 requires every year.</summary>
    public static readonly IReadOnlyList<FocusItemDefinition> Mandatory = [Rectification, InspectionTourFeedback];

    /// <summary>Standard then mandatory.</summary>
    public static readonly IReadOnlyList<FocusItemDefinition> All = [.. Standard, .. Mandatory];

    /// <summary>Codes a sector's item may not use (the prefixes of Core's items).</summary>
    public static bool IsReservedCode(string code) =>
        code.StartsWith("std.", StringComparison.Ordinal) || code.StartsWith("mandatory.", StringComparison.Ordinal);
}
