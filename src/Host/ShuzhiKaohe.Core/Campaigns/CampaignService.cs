using ShuzhiKaohe.Core.Security;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Campaigns;

/// <summary>
/// The annual campaign (第三、五条): create it for an organiser and a year with the default roster, edit the
/// roster while in plan, resolve each assessee, and move it through its stages past each stage's gates.
/// Both front ends call this; every change records who made it and is audited (issue 9 §4) in its own transaction.
/// </summary>
public sealed class CampaignService(Database database, OrganisationDirectory organisations, SectorRegistry sectors,
    OperatorContext who, IEnumerable<IStageGate> gates, Authorizer authorizer, AuditTrail audit)
{
    /// <summary>
    /// Role and scope (issue 9): a campaign belongs to its organiser's subtree, so the operator's scope must cover
    /// the organiser. Called by every campaign service before it opens a write transaction.
    /// </summary>
    public void Require(long campaignId, Permission permission)
    {
        string organiser;
        using (var c = database.Open()) organiser = CampaignStore.Get(c, null, campaignId).OrganiserCode;
        authorizer.Require(permission, organiser);
    }

    /// <summary>第十条: the measures are in force from 2019-12-30, so the 2019 assessment is the first.</summary>
    public const int FirstYear = 2019;

    /// <summary>第四条 "防止面面俱到": the default number of focus items per assessee above which a campaign is warned.</summary>
    public const int DefaultFocusLimit = 12;

    private readonly IReadOnlyList<IStageGate> _gates = gates.ToList();

    public Warned<CampaignView> Create(string organiserCode, int year, double? minBelowGood = null, int? focusLimit = null)
    {
        authorizer.Require(Permission.CampaignManage, organiserCode);
        if (year < FirstYear)
            throw new RuleViolationException("第十条", $"本办法自2019年12月30日起施行，2019年度为首个考核年度，不能组织 {year} 年度的述职评议考核");
        if (year > DateTime.Today.Year + 1)
            throw new InvalidInputException($"年度 {year} 尚未到来，不能组织考核");
        if (minBelowGood is { } ratio && (double.IsNaN(ratio) || ratio <= 0 || ratio >= 1))
            throw new InvalidInputException($"“较好”及以下等次的最低比例须大于 0、小于 1（第六条“应占一定比例”），收到 {ratio}");
        if (focusLimit is < 1 or > 100) throw new InvalidInputException($"重点内容上限须在 1–100 之间，收到 {focusLimit}");

        var organiser = organisations.Get(organiserCode);
        if (organiser.IsGrouping)
            throw new RuleViolationException("第三条", $"{organiser.Code} {organiser.Name} 是统计分组，不是党组织，不能组织述职评议考核");
        if (!organiser.IsActiveIn(year))
            throw new InvalidInputException($"{organiser.Code} {organiser.Name} 在 {year} 年不存续，不能组织该年度考核");

        var warnings = new List<string>();
        var roster = new List<Organisation>();
        foreach (var o in organisations.DirectSubordinates(organiser.Code, year))
        {
            if (AssessedLevelName(o) is { } notAssessed)
            {
                warnings.Add($"{o.Code} {o.Name} 属于“{notAssessed}”，该层级一般不作为述职对象，未列入默认名单（如需可用 roster add 加入）");
                continue;
            }
            roster.Add(o);
        }
        if (roster.Count == 0)
            warnings.Add($"{organiser.Code} {organiser.Name} 没有可列入默认名单的直接下级党组织：请用 campaign roster add 加入考核对象（第三条）");

        using var c = database.Open();
        using var tx = c.BeginWrite();
        if (CampaignStore.FindByOrganiser(c, tx, organiser.Code, year) is { } existing)
            throw new InvalidInputException($"{organiser.Code} {organiser.Name} 的 {year} 年度考核已存在（编号 {existing.Id}）：一个党组织每年组织一次（第五条）");
        var now = Sql.Now();
        var id = CampaignStore.Insert(c, tx, organiser.Code, year, minBelowGood, focusLimit ?? DefaultFocusLimit, who.Name, now);
        CampaignStore.RecordMove(c, tx, id, null, CampaignStage.Plan, $"创建，默认名单 {roster.Count} 个", who.Name, now);
        audit.RecordChange(c, tx, "create", CampaignAudit.CampaignEntity, CampaignAudit.Key(id), organiser.Code, null,
            $"创建 {organiser.Name} {year} 年度考核");
        foreach (var o in roster)
        {
            var entryId = CampaignStore.InsertEntry(c, tx, id, o.Code, RosterOrigin.Default, null, who.Name, now);
            audit.RecordChange(c, tx, "create", CampaignAudit.RosterEntity, CampaignAudit.Key(entryId), o.Code, null, $"考核 {id} 默认名单");
        }
        tx.Commit();

        var view = Show(id);
        warnings.AddRange(Assessee.Summarise(view.Roster, year));
        return new Warned<CampaignView>(view, warnings);
    }

    public IReadOnlyList<Campaign> List(string? organiserCode = null, int? year = null)
    {
        using var c = database.Open();
        return CampaignStore.List(c, organiserCode, year).Where(x => authorizer.Can(Permission.CampaignRead, x.OrganiserCode)).ToList();
    }

    public Campaign Get(long id)
    {
        Require(id, Permission.CampaignRead);
        using var c = database.Open();
        return CampaignStore.Get(c, null, id);
    }

    public CampaignView Show(long id)
    {
        Require(id, Permission.CampaignRead);
        using var c = database.Open();
        var campaign = CampaignStore.Get(c, null, id);
        var entries = CampaignStore.Entries(c, null, id);
        var sessionDate = MeetingStore.HeldOn(c, null, id);
        var roster = entries.Where(e => e.IsActive).Select(e => Resolve(campaign, e, sessionDate)).ToList();
        return new CampaignView(campaign, roster, entries.Where(e => !e.IsActive).ToList(), CampaignStore.Moves(c, id), sessionDate);
    }

    /// <summary>The active roster with each assessee resolved at the session date.</summary>
    public IReadOnlyList<Assessee> Assessees(long campaignId) => Show(campaignId).Roster;

    /// <summary>Adds an organisation to the roster while in plan (第三条: chosen extras), or restores a removed one.</summary>
    public Warned<CampaignView> AddToRoster(long campaignId, string orgCode, string? reason = null, long? expectedRowVersion = null)
    {
        Require(campaignId, Permission.CampaignManage);
        var warnings = new List<string>();
        var org = organisations.Get(orgCode);
        using (var c = database.Open())
        using (var tx = c.BeginWrite())
        {
            var campaign = Writable(c, tx, campaignId, expectedRowVersion, "修改考核名单");
            if (org.IsGrouping)
                throw new RuleViolationException("第三条", $"{org.Code} {org.Name} 是统计分组，不是党组织，不能列入考核名单");
            if (org.Code == campaign.OrganiserCode)
                throw new RuleViolationException("第三条", $"{org.Code} {org.Name} 是本次考核的组织者，不能考核自己（由其上一级党组织开展）");
            if (!org.IsActiveIn(campaign.Year))
                throw new InvalidInputException($"{org.Code} {org.Name} 在 {campaign.Year} 年不存续，不能列入名单");
            var path = organisations.Path(org.Code);
            if (path.Take(path.Count - 1).All(p => p.Code != campaign.OrganiserCode))
                warnings.Add($"{org.Code} {org.Name} 不在 {campaign.OrganiserCode} {campaign.OrganiserName} 的隶属范围内：请确认由本级党组织考核（第三条“按照党组织隶属关系”）");
            if (AssessedLevelName(org) is { } notAssessed)
                warnings.Add($"{org.Code} {org.Name} 属于“{notAssessed}”，该层级一般不作为述职对象");
            foreach (var other in CampaignStore.OtherCampaignsOf(c, tx, org.Code, campaign))
                warnings.Add($"{org.Code} {org.Name} 已在考核 {other} 的 {campaign.Year} 年度名单中：同一书记同一年度不宜重复考核");

            var now = Sql.Now();
            var existing = CampaignStore.FindEntry(c, tx, campaignId, org.Code);
            if (existing is { IsActive: true })
                throw new InvalidInputException($"{org.Code} {org.Name} 已在考核 {campaignId} 的名单中");
            if (existing is not null)
            {
                var key = CampaignAudit.Key(existing.Id);
                var before = audit.State(c, tx, CampaignAudit.RosterEntity, key);
                CampaignStore.Restore(c, tx, existing, reason, who.Name, now);
                audit.RecordChange(c, tx, "restore", CampaignAudit.RosterEntity, key, org.Code, before, $"恢复列入考核 {campaignId} 名单");
            }
            else
            {
                var entryId = CampaignStore.InsertEntry(c, tx, campaignId, org.Code, RosterOrigin.Extra, reason, who.Name, now);
                audit.RecordChange(c, tx, "create", CampaignAudit.RosterEntity, CampaignAudit.Key(entryId), org.Code, null, $"加入考核 {campaignId} 名单");
            }
            CampaignStore.Touch(c, tx, campaignId, campaign.RowVersion);
            tx.Commit();
        }
        var view = Show(campaignId);
        warnings.AddRange(view.Roster.Where(a => a.Entry.OrgCode == org.Code).SelectMany(a => a.FlagTexts(view.Campaign.Year)));
        return new Warned<CampaignView>(view, warnings);
    }

    /// <summary>Removes an organisation from the roster while in plan; the reason is required and kept.</summary>
    public CampaignView RemoveFromRoster(long campaignId, string orgCode, string reason, long? expectedRowVersion = null)
    {
        Require(campaignId, Permission.CampaignManage);
        if (string.IsNullOrWhiteSpace(reason))
            throw new InvalidInputException("从考核名单中移出须说明理由（--reason）");
        using (var c = database.Open())
        using (var tx = c.BeginWrite())
        {
            var campaign = Writable(c, tx, campaignId, expectedRowVersion, "修改考核名单");
            var entry = CampaignStore.FindEntry(c, tx, campaignId, orgCode);
            if (entry is not { IsActive: true })
                throw new NotFoundException($"{orgCode} 不在考核 {campaignId} 的名单中");
            var key = CampaignAudit.Key(entry.Id);
            var before = audit.State(c, tx, CampaignAudit.RosterEntity, key);
            CampaignStore.Remove(c, tx, entry, reason.Trim(), who.Name, Sql.Now());
            audit.RecordChange(c, tx, "remove", CampaignAudit.RosterEntity, key, entry.OrgCode, before, $"移出考核 {campaignId} 名单");
            CampaignStore.Touch(c, tx, campaignId, campaign.RowVersion);
            tx.Commit();
        }
        return Show(campaignId);
    }

    /// <summary>
    /// Names the assessee of a roster entry while in plan (a secretary term of that organisation overlapping the
    /// year), or with <paramref name="termId"/> null lets it follow the session date again.
    /// </summary>
    public CampaignView PinAssessee(long campaignId, string orgCode, long? termId, long? expectedRowVersion = null)
    {
        Require(campaignId, Permission.CampaignManage);
        using (var c = database.Open())
        using (var tx = c.BeginWrite())
        {
            var campaign = Writable(c, tx, campaignId, expectedRowVersion, "指定考核对象");
            var entry = ActiveEntry(c, tx, campaign, orgCode);
            if (termId is { } t && organisations.SecretaryTerms(orgCode, campaign.Year).All(x => x.Id != t))
                throw new InvalidInputException($"任职记录 {t} 不是 {orgCode} 在 {campaign.Year} 年度的书记任职");
            var key = CampaignAudit.Key(entry.Id);
            var before = audit.State(c, tx, CampaignAudit.RosterEntity, key);
            CampaignStore.SetAssessee(c, tx, entry, termId, termId is not null);
            audit.RecordChange(c, tx, "update", CampaignAudit.RosterEntity, key, entry.OrgCode, before,
                termId is null ? "考核对象改为按会议日期确定" : $"指定考核对象（任职记录 {termId}）");
            CampaignStore.Touch(c, tx, campaignId, campaign.RowVersion);
            tx.Commit();
        }
        return Show(campaignId);
    }

    /// <summary>
    /// Moves the campaign to its next stage past the gates (exit 1 naming what blocks). Approval is not a plain
    /// advance: 第六条 has the committee study and approve, which the evaluation's approval does through
    /// <see cref="MoveWithin"/>.
    /// </summary>
    public Warned<Campaign> Advance(long campaignId, long? expectedRowVersion = null)
    {
        Require(campaignId, Permission.CampaignManage);
        var warnings = new List<string>();
        using var c = database.Open();
        using var tx = c.BeginWrite();
        var campaign = CampaignStore.Get(c, tx, campaignId);
        CheckVersion(c, tx, campaign, expectedRowVersion);
        var next = campaign.Stage.Next()
                   ?? throw new InvalidInputException($"考核 {campaignId} 已结束，没有下一阶段");
        if (next == CampaignStage.Approved)
            throw new RuleViolationException("第六条",
                "综合评价意见及等次须经党委（党组）研究批准：请用 evaluate approve 记录批准，campaign advance 不能代替");
        var moved = MoveWithin(c, tx, campaign, next, null, warnings);
        tx.Commit();
        return new Warned<Campaign>(moved, warnings);
    }

    /// <summary>
    /// Moves a campaign one stage on inside the caller's transaction, past the gates of the stage it leaves, and
    /// records the move. For the features that own a move (the committee's approval); refuses skipping stages.
    /// </summary>
    public Campaign MoveWithin(SqliteConnection c, SqliteTransaction tx, Campaign campaign, CampaignStage to, string? note, List<string> warnings)
    {
        if (campaign.Stage.Next() != to)
            throw new InvalidInputException($"考核 {campaign.Id} 处于“{campaign.Stage.Chinese()}”阶段，不能直接进入“{to.Chinese()}”阶段");
        var roster = CampaignStore.Entries(c, tx, campaign.Id).Where(e => e.IsActive).ToList();
        var gate = new GateContext(c, tx, campaign, roster);
        foreach (var g in _gates.Where(g => g.Leaving == campaign.Stage)) g.Check(gate);
        if (gate.Blockers.Count > 0)
            throw new RuleViolationException(gate.Blockers[0].Article,
                $"考核 {campaign.Id} 不能从“{campaign.Stage.Chinese()}”进入“{to.Chinese()}”阶段：" +
                string.Join("；", gate.Blockers.Select((b, i) => i == 0 ? b.Message : $"{b.Article}：{b.Message}")));
        warnings.AddRange(gate.Warnings);

        if (campaign.Stage == CampaignStage.Session) FreezeAssessees(c, tx, campaign, roster);
        CampaignStore.SetStage(c, tx, campaign, to, campaign.RowVersion);
        CampaignStore.RecordMove(c, tx, campaign.Id, campaign.Stage, to, note, who.Name, Sql.Now());
        audit.Record(c, tx, "advance", CampaignAudit.CampaignEntity, CampaignAudit.Key(campaign.Id), campaign.OrganiserCode,
            $"阶段：{campaign.Stage.Chinese()} → {to.Chinese()}" + (string.IsNullOrWhiteSpace(note) ? "" : $"；{note}"));
        return CampaignStore.Get(c, tx, campaign.Id);
    }

    /// <summary>The campaign for a change made in one of <paramref name="stages"/>, at the version the operator read.</summary>
    public Campaign Writable(SqliteConnection c, SqliteTransaction tx, long campaignId, long? expectedRowVersion, string operation, params CampaignStage[] stages)
    {
        var campaign = CampaignStore.Get(c, tx, campaignId);
        CheckVersion(c, tx, campaign, expectedRowVersion);
        campaign.Require(operation, stages.Length == 0 ? [CampaignStage.Plan] : stages);
        return campaign;
    }

    /// <summary>Reads a campaign inside a caller's transaction.</summary>
    public static Campaign Read(SqliteConnection c, SqliteTransaction? tx, long campaignId) => CampaignStore.Get(c, tx, campaignId);

    /// <summary>The active roster entry of <paramref name="orgCode"/>, or a refusal naming the campaign.</summary>
    public static RosterEntry ActiveEntry(SqliteConnection c, SqliteTransaction? tx, Campaign campaign, string orgCode) =>
        CampaignStore.FindEntry(c, tx, campaign.Id, orgCode) is { IsActive: true } e
            ? e
            : throw new NotFoundException($"{orgCode} 不在考核 {campaign.Id}（{campaign.OrganiserName} {campaign.Year} 年度）的名单中");

    /// <summary>The active roster inside a caller's transaction.</summary>
    public static IReadOnlyList<RosterEntry> ActiveEntries(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        CampaignStore.Entries(c, tx, campaignId).Where(e => e.IsActive).ToList();

    private static void CheckVersion(SqliteConnection c, SqliteTransaction tx, Campaign campaign, long? expected)
    {
        if (expected is { } v && v != campaign.RowVersion) throw CampaignStore.Conflict(c, tx, campaign.Id, v);
    }

    private Assessee Resolve(Campaign campaign, RosterEntry e, DateOnly? sessionDate)
    {
        var year = SecretaryOfYear.Choose(organisations.SecretaryTerms(e.OrgCode, campaign.Year), sessionDate ?? new DateOnly(campaign.Year, 12, 31), e.AssesseeTermId);
        return new Assessee(e, year.Holder, year.Others);
    }

    /// <summary>When the session ends the assessee of each entry is fixed: grades and consequences attach to a person.</summary>
    private void FreezeAssessees(SqliteConnection c, SqliteTransaction tx, Campaign campaign, IReadOnlyList<RosterEntry> roster)
    {
        var date = MeetingStore.HeldOn(c, tx, campaign.Id);
        foreach (var e in roster.Where(e => e.AssesseeTermId is null))
            if (organisations.SecretaryFor(e.OrgCode, campaign.Year, date).Holder is { } holder)
            {
                var key = CampaignAudit.Key(e.Id);
                var before = audit.State(c, tx, CampaignAudit.RosterEntity, key);
                CampaignStore.SetAssessee(c, tx, e, holder.Id, pinned: false);
                audit.RecordChange(c, tx, "freeze", CampaignAudit.RosterEntity, key, e.OrgCode, before, "述职评议会结束，考核对象确定为会议日期在任的书记");
            }
    }

    /// <summary>The name of the level when the organisation's sector says that level is not assessed as a reporter.</summary>
    private string? AssessedLevelName(Organisation o)
    {
        if (!sectors.Contains(o.Sector)) return null;
        var level = sectors.Get(o.Sector).Descriptor.Levels.FirstOrDefault(l => l.Level == o.Level);
        return level is { AssessedAsReporter: false } ? level.Name : null;
    }
}
