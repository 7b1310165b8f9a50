using ShuzhiKaohe.Core.Debriefing;

namespace ShuzhiKaohe.Bench.Generator;

/// <summary>
/// The prose a campaign records — reports, comments, findings, rectification items — varied from small tables so
/// that the database looks like one that operators filled in, and worded so that 第六条's anti-formalism guard
/// passes it (findings from site visits and interviews, never counts of meetings or documents).
/// </summary>
public static class Texts
{
    private static readonly string[] Achievements =
    [
        "推进党群服务中心全面开放，发展党员质量稳步提升。", "软弱涣散基层党组织整顿见效，群众反映的急难愁盼问题逐件解决。",
        "抓党建促乡村振兴，村集体经济收入普遍增长。", "网格党建与基层治理深度融合，矛盾纠纷就地化解。",
        "党建引领企业改革发展，重点项目按期推进。", "机关党建与业务工作同部署，服务基层质效提升。",
    ];

    private static readonly string[] Problems =
    [
        "基层党组织服务群众能力不足，软弱涣散党组织整顿进度偏慢。", "网格党建与社区治理结合不紧，党员作用发挥不充分。",
        "对基层党建工作研究不够经常，压力传导层层递减。", "党建与中心工作融合不深，存在“两张皮”现象。",
        "年轻党员发展偏少，党员队伍结构需要优化。", "上年度整改清单中个别问题整改不彻底，存在反弹。",
    ];

    private static readonly string[] Causes =
    [
        "书记抓党建的责任压得不实，研究基层党建工作不够经常。", "对新形势下基层党建规律把握不够，方法创新不足。",
        "抓落实的韧劲不够，跟踪问效不到位。",
    ];

    private static readonly string[] Measures =
    [
        "建立书记抓党建问题清单，逐项销号。", "每季度到联系点走访党员群众，现场解决问题。", "选优配强基层党组织书记，加强分类指导。",
    ];

    private static readonly string[] CommentProblems =
    [
        "履行第一责任人职责还有差距；问题整改不彻底", "基层党组织标准化规范化建设推进不平衡；党员教育管理有薄弱环节",
        "抓党建促发展的思路不够清晰；群众反映的问题回应不及时", "对软弱涣散党组织整顿跟踪不够；年轻干部培养力度不够",
    ];

    private static readonly string[] Directions =
    [
        "聚焦问题抓整改，把自己摆进去", "以党建引领基层治理，提升服务群众实效", "压实责任链条，推动基层党建全面进步全面过硬",
    ];

    private static readonly string[] Findings =
    [
        "走访党员群众，察看党群服务阵地", "现场查看基层组织建设，随机走访群众", "到村（社区）和项目现场察看，听取群众评价",
        "随机入户走访，群众对服务满意", "现场察看便民服务实效，与党员面对面交流",
    ];

    private static readonly string[] RectificationItems =
    [
        "点评指出：党群服务中心开放时间与群众需求不匹配", "点评指出：党员教育管理存在薄弱环节", "点评指出：基层党组织书记队伍年龄偏大",
        "测评反映：为民办实事项目群众知晓度低", "实地考核发现：老旧小区物业党建覆盖不足",
    ];

    private static readonly string[] TourItems =
    [
        "巡察反馈：基层党组织换届选举个别环节不规范", "巡察反馈：村级财务监督落实不到位", "巡视反馈：国企党建与生产经营结合不紧",
    ];

    private static readonly string[] RectificationMeasures = ["推行错时延时服务", "开展党员分类培训", "调整充实党组织书记队伍", "公开项目清单，上门征求意见", "推动物业企业党组织组建"];

    public static ReportParts Report(Rng rng) => new(rng.Pick(Achievements), rng.Pick(Problems), rng.Pick(Causes), rng.Pick(Measures));

    public static string CommentProblem(Rng rng) => rng.Pick(CommentProblems);

    public static string Direction(Rng rng) => rng.Pick(Directions);

    public static string Finding(Rng rng) => rng.Pick(Findings);

    public static string RectificationItem(Rng rng) => rng.Pick(RectificationItems);

    public static string TourItem(Rng rng) => rng.Pick(TourItems);

    public static string RectificationMeasure(Rng rng) => rng.Pick(RectificationMeasures);

    /// <summary>第五条: the superior hears the reports at an enlarged meeting of its standing committee or its committee (group).</summary>
    public static string MeetingForm(string sector, int level) =>
        sector == "localities" && level <= 3 ? (level == 1 ? "省委常委会扩大会议" : level == 2 ? "市委常委会扩大会议" : "县委常委会扩大会议")
        : sector == "soe" && level == 1 ? "集团党委扩大会议" : "党委扩大会议";

    /// <summary>An annual key task (年度重点任务) of a provincial or city campaign, worded by what is seen on site.</summary>
    public static (string Title, string Indicator) AnnualTask(Rng rng) => rng.Pick<(string, string)>(
    [
        ("党建引领基层治理：城市社区网格化服务", "走访社区群众，察看网格服务实效"),
        ("抓党建促乡村全面振兴", "到村察看集体经济项目，听取群众评价"),
        ("新就业群体党建", "走访快递、外卖骑手，了解服务站点实际作用"),
    ]);
}
