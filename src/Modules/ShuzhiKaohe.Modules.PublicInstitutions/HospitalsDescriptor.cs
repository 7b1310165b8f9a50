using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.PublicInstitutions;

/// <summary>
/// 公立医院: the hospital Party committee reports to its superior (the health commission's Party group or the
/// local committee); inside, it assesses the general branches and the clinical, medical-technical and
/// administrative Party branches.
/// </summary>
internal sealed class HospitalsDescriptor : ISectorDescriptor
{
    public string Sector => SectorKeys.Hospitals;
    public string Name => "公立医院";

    public IReadOnlyList<OrganisationLevel> Levels { get; } =
    [
        new(1, "公立医院党委"),
        new(2, "院内党总支"),
        new(3, "科室党支部（临床、医技、行政后勤）"),
    ];

    public IReadOnlyList<OrganisationKind> Kinds { get; } =
    [
        new("hospital", "公立医院党委"),
        new("general_branch", "党总支"),
        new("clinical_branch", "临床科室党支部"),
        new("technical_branch", "医技科室党支部"),
        new("administrative_branch", "行政后勤党支部"),
    ];
}

/// <summary>公立医院's own focus items (3 → 3 → 2).</summary>
internal sealed class HospitalsFocus : IFocusItemCatalogue
{
    public string Sector => SectorKeys.Hospitals;

    private static readonly FocusItemDefinition System = new("hosp.leadership_system", "党委领导下的院长负责制", 0,
        "抽取年内重大事项（大型设备采购、科室设置、人才引进）看党委决策、院长执行的实际经过，听班子成员和职工代表评价。",
        "党委把方向、管大局、作决策、促改革、保落实的实际成效");

    private static readonly FocusItemDefinition Ethics = new("hosp.ethics", "医德医风建设", 0,
        "到门诊、病房随机走访患者和家属，了解红包回扣、过度诊疗等问题是否得到纠治，核实一件投诉的处理结果。",
        "患者和家属对医德医风的评价");

    private static readonly FocusItemDefinition BranchInDepartment = new("hosp.branch_in_department", "党支部建在科室上，支部书记“双带头人”", 0,
        "到科室看支部书记在医疗业务和党建上的带头作用，听科室医护人员评价。",
        "科室党支部在医疗质量和科室管理中的实际作用");

    private static readonly FocusItemDefinition Patients = new("hosp.patients", "改善患者就医体验，党员示范岗作用", 0,
        "在科室现场看患者就医流程中的一项具体改进，随机听患者评价党员医护人员。",
        "患者对就医体验和党员医护人员的评价");

    /// <summary>医药领域腐败问题集中整治 ran from 2023; before it, 公立医院高质量发展 (2021 意见) was the year's task.</summary>
    private static FocusItemDefinition YearTask(int year) => new("hosp.year_task",
        year >= 2023 ? "医药领域腐败问题集中整治和行业作风建设" : "公立医院高质量发展中党组织作用发挥", 0,
        "对照年度整治或改革任务清单，到相关科室现场核实问题是否真正解决，听医护人员和患者评价。",
        "年度整治或改革任务的实际结果");

    public IReadOnlyList<FocusItemDefinition> ItemsFor(int level, int year) => SectorItemWeights.ShareOut(level switch
    {
        1 => [(System, 4), (Ethics, 3), (YearTask(year), 3)],
        2 => [(Ethics, 4), (BranchInDepartment, 3), (Patients, 3)],
        _ => [(BranchInDepartment, 1), (Patients, 1)],
    });
}
