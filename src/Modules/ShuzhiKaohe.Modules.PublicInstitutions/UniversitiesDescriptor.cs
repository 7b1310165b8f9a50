using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.PublicInstitutions;

/// <summary>
/// 高校: the university Party committee reports to the 教育（高校）工委 or its superior committee (a locality's
/// work committee); inside, the university committee assesses its colleges' and departments' Party organisations,
/// which assess their teachers' and students' Party branches.
/// </summary>
internal sealed class UniversitiesDescriptor : ISectorDescriptor
{
    public string Sector => SectorKeys.Universities;
    public string Name => "高校";

    public IReadOnlyList<OrganisationLevel> Levels { get; } =
    [
        new(1, "高校党委"),
        new(2, "院（系）党委（党总支）和机关、直属单位党组织"),
        new(3, "教师党支部、学生党支部"),
    ];

    public IReadOnlyList<OrganisationKind> Kinds { get; } =
    [
        new("university", "高校党委"),
        new("college", "院（系）党组织"),
        new("administrative", "机关、直属单位党组织"),
        new("teacher_branch", "教师党支部"),
        new("student_branch", "学生党支部"),
    ];
}

/// <summary>高校's own focus items (3 → 3 → 2).</summary>
internal sealed class UniversitiesFocus : IFocusItemCatalogue
{
    public string Sector => SectorKeys.Universities;

    private static readonly FocusItemDefinition System = new("uni.leadership_system", "党委领导下的校长负责制", 0,
        "抽取年内重大事项（人才引进、学科调整、大额经费）看党委集体决定、校长依法行政的实际分工与结果，听校领导班子成员和教职工代表评价。",
        "党委把方向、管大局、作决策、抓班子、带队伍、保落实的实际成效");

    private static readonly FocusItemDefinition Ideology = new("uni.ideology", "思想政治工作和立德树人", 0,
        "随堂听思政课和专业课，到学生宿舍、社团随机与学生交谈，看思想政治工作是否入脑入心。",
        "学生和教师对思想政治工作实际效果的感受");

    private static readonly FocusItemDefinition Gatekeeping = new("uni.gatekeeping", "院系党组织政治把关作用", 0,
        "抽取本院系近一年的教师引进、职称评审、课程教材事项，核实党组织把关的实际经过，听教师评价。",
        "院系党组织在重大事项中政治把关的实际作用");

    private static readonly FocusItemDefinition DualLeaders = new("uni.dual_leaders", "教师党支部书记“双带头人”培育", 0,
        "随机访谈教师党支部书记及支部教师，看书记在教学科研和党建上的带头作用。",
        "支部书记在教学科研和党建两方面的实际带头作用");

    private static readonly FocusItemDefinition Students = new("uni.students", "联系服务师生", 0,
        "到学生党支部所在班级、宿舍，听学生讲党员在学业帮扶、困难资助中的具体表现。",
        "师生对党员联系服务的评价");

    /// <summary>From 2024 the 教育强国 programme (2024 全国教育大会, 2025 规划纲要) sets the year's task.</summary>
    private static FocusItemDefinition YearTask(int year) => new("uni.year_task",
        year >= 2024 ? "教育强国建设中高校党组织作用发挥" : "“双一流”建设和内涵发展中党组织作用发挥", 0,
        "选取一项年度学科或人才培养任务，到承担院系看推进结果，听教师和学生讲党组织起了什么作用。",
        "年度学科和人才培养任务的实际推进结果");

    public IReadOnlyList<FocusItemDefinition> ItemsFor(int level, int year) => SectorItemWeights.ShareOut(level switch
    {
        1 => [(System, 4), (Ideology, 3), (YearTask(year), 3)],
        2 => [(Gatekeeping, 4), (Ideology, 3), (DualLeaders, 3)],
        _ => [(DualLeaders, 1), (Students, 1)],
    });
}
