using ShuzhiKaohe.Core;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Demo;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Tui.Shell;

namespace ShuzhiKaohe.Tui.Home;

/// <summary>
/// What the first screen shows: the database, and the campaigns the operator may see (Core checks the scope) with
/// each one's stage and what is next. On an empty database it offers the demo. Plain data, testable without a terminal.
/// </summary>
public sealed class HomeViewModel(DatabaseAdmin database, CampaignOverview overview, DemoBuilder demo, OperatorContext who, CampaignService campaigns)
{
    /// <summary>The year a campaign opened now assesses: the assessment runs in winter, over the year just ending.</summary>
    public static int DefaultYear(DateTime today) => today.Month >= 11 ? today.Year : today.Year - 1;

    /// <summary>
    /// `campaign create` from the console: one organiser × one year (第三、五条; 第十条 refuses years before 2019), the
    /// organiser's direct subordinates as the default roster, an optional minimum share of 较好-or-below (第六条).
    /// Returns the new campaign's id and Core's warnings.
    /// </summary>
    public (long Id, IReadOnlyList<string> Warnings) CreateCampaign(string organiser, string year, string minBelowGood)
    {
        if (!int.TryParse(year.Trim(), out var y)) throw new Core.Common.InvalidInputException($"年度“{year.Trim()}”应为四位数字，如 {DefaultYear(DateTime.Today)}");
        double? ratio = null;
        if (!string.IsNullOrWhiteSpace(minBelowGood))
        {
            if (!double.TryParse(minBelowGood.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var r))
                throw new Core.Common.InvalidInputException($"比例“{minBelowGood.Trim()}”应为 0 与 1 之间的小数，如 0.3");
            ratio = r;
        }
        var created = campaigns.Create(organiser.Trim(), y, ratio);
        Load();
        return (created.Value.Campaign.Id, created.Warnings);
    }

    private IReadOnlyList<CampaignOverviewRow> _all = [];

    public string Operator => who.Name;

    public IReadOnlyList<string> DatabaseLines { get; private set; } = [];

    /// <summary>Whether the database has no organisations (the screen offers the demo).</summary>
    public bool IsEmpty { get; private set; }

    public string FilterText { get; private set; } = "";

    /// <summary>The campaigns the filter lets through, newest year first.</summary>
    public IReadOnlyList<CampaignOverviewRow> Campaigns { get; private set; } = [];

    public int CampaignCount => _all.Count;

    public string Heading =>
        FilterText.Length == 0 ? $"考核（{_all.Count}）　编号　年度　组织者　阶段　下一步" : $"考核（筛选“{FilterText}”：{Campaigns.Count} / {_all.Count}）";

    public IReadOnlyList<string> Rows => Campaigns.Select(r =>
        $"{r.Campaign.Id,4}  {r.Campaign.Year}  {TextWidth.Fit(r.Campaign.OrganiserName, 16)} {TextWidth.PadRight(r.Campaign.Stage.Chinese(), 12)} {r.NextText}").ToList();

    public string EmptyText => IsEmpty
        ? "数据库中还没有党组织：按 d 建立示例数据（湖北省、市属金融控股集团、处于各阶段的考核），或按 o 再按 F2 导入党组织"
        : "没有您可以查看的考核（用 shuzhi campaign create 创建）";

    /// <summary>
    /// Reads the database's state and the campaigns. The integrity check is SQLite's quick_check: the full
    /// integrity_check reads every index and would hold up the first paint on the whole country's tree.
    /// </summary>
    public void Load()
    {
        var c = database.Check(quick: true);
        DatabaseLines =
        [
            $"数据库：{c.Path}",
            $"结构版本 {c.SchemaVersion}（程序 {c.CodeSchemaVersion}）　{c.JournalMode.ToUpperInvariant()}　{c.SizeBytes / 1024.0:N0} KiB　完整性 "
                + (c.IntegrityOk ? "正常" : "异常：" + string.Join("；", c.IntegrityMessages.Take(3))),
        ];
        IsEmpty = demo.IsEmpty();
        _all = overview.List();
        ApplyFilter(FilterText);
    }

    public void ApplyFilter(string text)
    {
        FilterText = text.Trim();
        Campaigns = FilterText.Length == 0 ? _all : _all.Where(r => Matches(r, FilterText)).ToList();
    }

    /// <summary>Builds the demo on this (empty) database; returns what was built, one line.</summary>
    public string BuildDemo()
    {
        var r = demo.Build();
        Load();
        return $"已建立示例数据：{r.Organisations} 个党组织，{r.Secretaries} 名书记，{r.Campaigns.Count} 个考核";
    }

    private static bool Matches(CampaignOverviewRow r, string q) =>
        r.Campaign.OrganiserName.Contains(q, StringComparison.OrdinalIgnoreCase)
        || r.Campaign.OrganiserCode.StartsWith(q, StringComparison.OrdinalIgnoreCase)
        || r.Campaign.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) == q
        || r.Campaign.Stage.Chinese().Contains(q, StringComparison.Ordinal)
        || r.NextText.Contains(q, StringComparison.Ordinal)
        || Pinyin.Initials(r.Campaign.OrganiserName).StartsWith(q, StringComparison.OrdinalIgnoreCase);
}
