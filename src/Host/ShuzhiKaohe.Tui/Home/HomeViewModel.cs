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
public sealed class HomeViewModel(DatabaseAdmin database, CampaignOverview overview, DemoBuilder demo, OperatorContext who)
{
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
