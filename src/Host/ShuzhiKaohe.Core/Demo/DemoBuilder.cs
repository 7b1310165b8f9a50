using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Comments;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Inspection;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Organisations.Import;
using ShuzhiKaohe.Core.Organisations.Secretaries;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Demo;

/// <summary>What the demo built: the campaigns by stage, for the operator to open.</summary>
public sealed record DemoResult(int Organisations, int Secretaries, IReadOnlyList<(long Id, string Title, CampaignStage Stage)> Campaigns);

/// <summary>
/// A database to explore every screen with (<c>shuzhi demo</c>, or offered by the console on an empty database):
/// 湖北省 from the real division file shipped in <c>demo/</c>, a municipal state-owned financial holding group with its
/// subsidiaries, secretaries with realistic names, and campaigns at different stages — 武汉市 in plan, 江岸区 in the
/// session with ballots keyed, the group in evaluation, 江汉区 approved with its rectification list. Everything goes
/// through the same Core services as the CLI, so the demo obeys every rule it shows.
/// </summary>
public sealed class DemoBuilder(IServiceProvider services, AppPaths paths, Database database)
{
    public const string DivisionsFile = "divisions-hubei.csv";
    public const string Wuhan = "4201";
    public const string Jiangan = "420102";
    public const string Jianghan = "420103";
    public const string Group = "WHFH";

    /// <summary>Whether the database has no organisations yet (the console offers the demo then).</summary>
    public bool IsEmpty()
    {
        using var c = database.Open();
        return c.Long(null, "SELECT count(*) FROM organisation") == 0;
    }

    /// <summary>The shipped division file: beside the executable, or in the repository's demo/ when run from a build tree.</summary>
    public string? FindDivisions(string? given = null)
    {
        if (given is not null) return File.Exists(given) ? Path.GetFullPath(given) : throw new NotFoundException($"文件不存在：{given}");
        for (var dir = new DirectoryInfo(paths.ProgramDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "demo", DivisionsFile);
            if (File.Exists(file)) return file;
        }
        return null;
    }

    public DemoResult Build(string? divisionsFile = null, DateOnly? today = null)
    {
        if (!IsEmpty())
            throw new InvalidInputException("数据库中已有党组织：示例数据只能建在空数据库上（用 --db 指定一个新文件）");
        var file = FindDivisions(divisionsFile) ?? throw new NotFoundException($"找不到示例行政区划文件 demo/{DivisionsFile}");
        var day = today ?? DateOnly.FromDateTime(DateTime.Today);
        var year = day.Year - 1;
        using var temp = new TempFolder();

        var orgs = Get<OrganisationImporter>().Import([file], new OrganisationImportOptions(Sector: SectorKeys.Localities)).Inserted;
        orgs += Get<OrganisationImporter>().Import([temp.Write("group.csv", GroupCsv())], new OrganisationImportOptions()).Inserted;

        var directory = Get<OrganisationDirectory>();
        var assessed = new[] { Wuhan, Jiangan, Jianghan, Group }
            .SelectMany(o => directory.DirectSubordinates(o, year)).Select(o => o.Code).Distinct().ToList();
        var secretaries = new StringBuilder("org_code,name,start_on\n");
        foreach (var (code, i) in assessed.Select((c, i) => (c, i)))
            secretaries.Append(CultureInfo.InvariantCulture, $"{code},{PersonName(i)},{2019 + i % 5}-0{1 + i % 9}-15\n");
        Get<SecretaryImporter>().Import(temp.Write("secretaries.csv", secretaries.ToString()), new SecretaryImportOptions());

        var campaigns = new List<(long, string, CampaignStage)>();
        var svc = Get<CampaignService>();
        var plan = svc.Create(Wuhan, day.Year, 0.2).Value.Campaign;
        Get<Focus.CampaignFocusService>().AddAnnual(plan.Id, "党建引领基层治理：城市社区网格化服务", "走访社区群众，察看网格服务实效", 10m);
        campaigns.Add((plan.Id, $"{plan.OrganiserName} {plan.Year}", plan.Stage));

        var session = ThroughInspection(Jiangan, year, 0.3);
        Session(session, keyed: 24, issued: 30, missingComments: 3);
        campaigns.Add((session, $"江岸区 {year}", CampaignStage.Session));

        var evaluation = ThroughInspection(Group, year, 0.3);
        Session(evaluation, keyed: 18, issued: 18, missingComments: 0);
        svc.Advance(evaluation);
        Get<EvaluationService>().Propose(evaluation);
        campaigns.Add((evaluation, $"武汉金融控股集团 {year}", CampaignStage.Evaluation));

        var approved = ThroughInspection(Jianghan, year, 0.3);
        Session(approved, keyed: 20, issued: 21, missingComments: 0);
        svc.Advance(approved);
        Get<EvaluationService>().Propose(approved);
        var lines = Get<EvaluationService>().Show(approved).Lines;
        var poor = lines[^1].OrgCode;
        Get<EvaluationService>().Set(approved, poor, Grade.Average, "群众反映服务群众“最后一公里”问题较多，党委研究调整");
        Get<ApprovalService>().Approve(approved, $"区委常委会 {year + 1}-01-22", day);
        var rectify = Get<RectificationService>();
        rectify.Add(lines[0].OrgCode, RectificationSource.InspectionTour, "巡察反馈：社区党组织书记队伍年龄偏大", day.AddDays(-12), approved,
            "调整充实社区党组织书记队伍", "街道党工委");
        rectify.Add(lines[1].OrgCode, RectificationSource.Comment, "点评指出：党群服务中心开放时间与群众需求不匹配", day.AddDays(-3), approved,
            "推行错时延时服务", "街道党工委");
        rectify.Add(lines[2].OrgCode, RectificationSource.Inspection, "实地考核发现：老旧小区物业党建覆盖不足", day.AddDays(8), approved,
            "推动物业企业党组织组建", "街道党工委");
        var first = rectify.Add(lines[3].OrgCode, RectificationSource.Ballot, "测评反映：为民办实事项目群众知晓度低", day.AddDays(45), approved,
            "公开项目清单，上门征求意见", "街道党工委");
        rectify.Progress(first.Id, "已在各社区公示项目清单");
        campaigns.Add((approved, $"江汉区 {year}", CampaignStage.Approved));

        var secretaryCount = assessed.Count;
        return new DemoResult(orgs, secretaryCount, campaigns);
    }

    private long ThroughInspection(string organiser, int year, double quota)
    {
        var svc = Get<CampaignService>();
        var id = svc.Create(organiser, year, quota).Value.Campaign.Id;
        Get<SessionService>().Record(id, organiser == Group ? "集团党委扩大会议" : "区委常委会扩大会议", new DateOnly(year + 1, 1, 15),
            new Dictionary<AttendeeCategory, int>
            {
                [AttendeeCategory.PartyDelegate] = 5, [AttendeeCategory.NpcDeputy] = 3, [AttendeeCategory.CppccMember] = 2,
                [AttendeeCategory.Grassroots] = 12, [AttendeeCategory.OrgDepartment] = 2,
            });
        svc.Advance(id);
        var inspection = Get<InspectionService>();
        foreach (var (a, i) in svc.Assessees(id).Select((a, i) => (a, i)))
        {
            inspection.Record(id, a.Entry.OrgCode, "std.1", 70 + (i * 7) % 28, [EvidenceKind.Site, EvidenceKind.Interview], "走访党员群众，察看党群服务阵地");
            inspection.Record(id, a.Entry.OrgCode, "std.3", 68 + (i * 11) % 30, [EvidenceKind.Site], "现场查看基层组织建设");
        }
        svc.Advance(id);
        return id;
    }

    /// <summary>Reports and comments for every reporter but the last <paramref name="missingComments"/>, and keyed paper sheets.</summary>
    private void Session(long id, int keyed, int issued, int missingComments)
    {
        var roster = Get<CampaignService>().Assessees(id);
        foreach (var (a, i) in roster.Select((a, i) => (a, i)))
        {
            Get<DebriefingService>().Record(id, a.Entry.OrgCode, DebriefMode.Onsite, report: new ReportParts(
                "推进党群服务中心全面开放，发展党员质量提升。",
                i % 4 == 0 ? "基层党组织服务群众能力不足，软弱涣散党组织整顿进度偏慢。" : "网格党建与社区治理结合不紧。",
                "书记抓党建的责任压得不实，研究基层党建工作不够经常。",
                "建立书记抓党建问题清单，逐项销号。"));
            if (i < roster.Count - missingComments)
                Get<CommentService>().Add(id, a.Entry.OrgCode, CommentBy.Superior, "履行第一责任人职责还有差距；问题整改不彻底", "聚焦问题抓整改，把自己摆进去");
        }
        var ballots = Get<BallotService>();
        ballots.Issue(id, issued);
        for (var s = 1; s <= keyed; s++)
        {
            if (s % 11 == 0)
            {
                ballots.AddSheet(id, new BallotSheetInput($"{s:000}", true, new Dictionary<string, Grade?>()));
                continue;
            }
            var marks = roster.Select((a, i) => (a.Entry.OrgCode, Mark: Mark(s, i)))
                .ToDictionary(m => m.OrgCode, m => m.Mark, StringComparer.Ordinal);
            ballots.AddSheet(id, new BallotSheetInput($"{s:000}", false, marks));
        }
    }

    /// <summary>Mostly 好 and 较好, some 一般, a rare 差 or blank — as real sheets look.</summary>
    private static Grade? Mark(int sheet, int reporter)
    {
        var x = (sheet * 31 + reporter * 17 + reporter * reporter) % 20;
        return x switch { < 11 => Grade.Good, < 16 => Grade.FairlyGood, < 18 => Grade.Average, 18 => Grade.Poor, _ => null };
    }

    private static string GroupCsv() => """
        code,name,parent_code,level,sector,kind
        WHFH,武汉金融控股（集团）有限公司党委,,1,soe,local
        WHFH01,汉口银行股份有限公司党委,WHFH,2,soe,bank
        WHFH02,长江证券承销保荐有限公司党委,WHFH,2,soe,securities
        WHFH03,武汉信用风险管理融资担保有限公司党委,WHFH,2,soe,guarantee
        WHFH04,武汉金控融资租赁有限公司党委,WHFH,2,soe,leasing
        WHFH05,武汉金融控股投资基金管理有限公司党委,WHFH,2,soe,investment
        WHFH06,武汉农村商业银行股份有限公司党委,WHFH,2,soe,bank
        WHFH0101,汉口银行江岸支行党总支,WHFH01,3,soe,bank
        WHFH0102,汉口银行江汉支行党总支,WHFH01,3,soe,bank
        """;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"];
    private static readonly string[] Given = ["建国", "秀英", "志强", "丽华", "海涛", "文静", "国平", "晓东", "红梅", "立新", "春燕", "永刚", "雪梅", "卫东", "玉兰", "伟", "敏", "静", "军", "磊", "洪波", "德明", "慧敏", "新华"];

    /// <summary>A realistic, deterministic name for the n-th secretary.</summary>
    public static string PersonName(int n) => Surnames[(n * 7) % Surnames.Length] + Given[(n * 5 + n / Surnames.Length) % Given.Length];

    private T Get<T>() where T : notnull => services.GetRequiredService<T>();

    private sealed class TempFolder : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("shuzhi-demo-").FullName;

        public string Write(string name, string text)
        {
            var path = Path.Combine(_dir, name);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            return path;
        }

        public void Dispose()
        {
            try { Directory.Delete(_dir, recursive: true); }
            catch (IOException) { }
        }
    }
}

internal sealed class DemoFeature : ICoreFeature
{
    public void Register(IServiceCollection services) => services.AddSingleton<DemoBuilder>();
}
