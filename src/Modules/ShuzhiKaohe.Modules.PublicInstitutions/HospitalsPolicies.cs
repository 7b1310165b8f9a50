using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.PublicInstitutions;

/// <summary>
/// 公立医院 weighs inspection 40 %, ballots 35 %, observation 25 %. What matters — medical ethics and the patient's
/// experience — is seen in wards and clinics and heard from patients, who never vote at the debriefing; the ballots
/// come from staff and are fewer than a university's. Thresholds: 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 65.
/// </summary>
internal sealed class HospitalsScoring : IScoringStrategy
{
    public string Sector => SectorKeys.Hospitals;
    private static readonly InputWeights Weights = new(Ballots: 0.35, Inspection: 0.40, Observation: 0.25);
    private static readonly GradeThresholds Thresholds = new(Good: 90, FairlyGood: 80, Average: 65);

    public ScoreResult Score(ScoringInputs inputs) => WeightedScore.Combine(inputs, Weights, MarkValues.Standard, Thresholds, "公立医院");
}

/// <summary>What to see in a hospital and whom to hear (第六条): clinics and wards, patients and their families.</summary>
internal sealed class HospitalsChecklist : IInspectionChecklist
{
    public string Sector => SectorKeys.Hospitals;

    public IReadOnlyList<ChecklistEntry> For(int level) => level switch
    {
        1 =>
        [
            new("hosp.site.wards", "随机一个门诊区和一个病区的就医流程", "患者、家属、值班医护人员"),
            new("hosp.site.decision", "一项重大事项从党委决策到院长执行的实际经过", "班子成员、职工代表"),
        ],
        2 => [new("hosp.site.department", "总支所辖一个科室的医疗服务现场", "患者、科室医护人员")],
        _ => [new("hosp.site.branch", "支部所在科室的一项具体改进", "患者、科室医护人员")],
    };
}

/// <summary>
/// Hospital Party committee secretaries report on site to their superior; lower levels may report in writing.
/// Hospitals add the photo rule: judging branches by photographs taken of their activities is 记录留痕 in
/// another form (第六条).
/// </summary>
internal sealed class HospitalsRules : ISectorRules
{
    public string Sector => SectorKeys.Hospitals;
    public bool RequiresOnSiteDebriefing(int level) => level == 1;

    public IReadOnlyList<FormalismRule> AdditionalFormalismRules { get; } =
    [
        new("hosp.photos", "(?:照片|图片|影像资料|视频资料|拍照)(?:的)?(?:数量|张数|份数|多少|齐全)",
            "活动照片、影像资料的数量"),
    ];
}
