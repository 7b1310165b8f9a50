using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShuzhiKaohe.Core.Campaigns;

namespace ShuzhiKaohe.Core.Ballots;

internal sealed class BallotsFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<BallotService>();
        services.AddSingleton<IStageGate, BallotGate>();
        services.TryAddSingleton(new BallotSettings());
        services.AddSingleton(BallotAudit.Issue);
        services.AddSingleton(BallotAudit.Sheet);
        services.AddSingleton(BallotAudit.Seal);
    }
}

/// <summary>第五条 "现场述职评议时，要组织参会人员进行评议": leaving the session without sheets keyed is warned about.</summary>
internal sealed class BallotGate : IStageGate
{
    public CampaignStage Leaving => CampaignStage.Session;

    public void Check(GateContext gate)
    {
        var (sheets, _) = BallotStore.Counts(gate.Connection, gate.Transaction, gate.Campaign.Id);
        var (issued, _) = BallotStore.Issued(gate.Connection, gate.Transaction, gate.Campaign.Id);
        if (sheets == 0)
            gate.Warn("第五条：现场述职评议时，要组织参会人员进行评议：本次考核尚未录入测评票");
        else if (issued is { } n && sheets < n)
            gate.Warn($"测评票发放 {n} 张，录入 {sheets} 张（参评率 {(double)sheets / n:P1}）");
    }
}

/// <summary>
/// Issue 9 §3: ballot clerks see only sheets, not running grades, until the campaign's session is closed. On by
/// default; the host reads <see cref="Setting"/>.
/// </summary>
public sealed record BallotSettings(bool ClerksWaitForSessionEnd = true)
{
    public const string Setting = "Ballots:ClerksWaitForSessionEnd";
}

/// <summary>
/// The ballots' audited records (issue 9 §4). A sheet's state is its columns with its marks (reporter entry id,
/// campaign id, mark) — nothing that could name a voter, because there is nothing. The key is
/// "campaign/serial", so a break names the serial printed on the paper sheet.
/// </summary>
public static class BallotAudit
{
    public const string IssueEntity = "ballot_issue";
    public const string SheetEntity = "ballot_sheet";
    public const string SealEntity = "ballot_seal";

    public static string SheetKey(long campaignId, string serial) => $"{CampaignAudit.Key(campaignId)}/{serial}";

    internal static readonly Audit.AuditedEntity Issue = new(IssueEntity, "ballot_issue", "campaign_id");

    internal static readonly Audit.AuditedEntity Seal = new(SealEntity, "ballot_seal", "campaign_id");

    // The key is split at its first '/' (the campaign id has none; a serial may), so the lookup uses UNIQUE(campaign_id, serial).
    internal static readonly Audit.AuditedEntity Sheet = new(SheetEntity, "ballot_sheet", "id")
    {
        StateSql = """
            SELECT json_object('serial', s.serial, 'is_void', s.is_void, 'digest', s.digest, 'keyed_by', s.keyed_by, 'keyed_at', s.keyed_at,
                   'marks', (SELECT json_group_array(json_array(m.entry_id, m.campaign_id, m.mark))
                               FROM (SELECT * FROM ballot_mark WHERE sheet_id = s.id ORDER BY entry_id) m))
              FROM ballot_sheet s
             WHERE s.campaign_id = CAST(substr($key, 1, instr($key, '/') - 1) AS INTEGER) AND s.serial = substr($key, instr($key, '/') + 1)
            """,
        KeysSql = "SELECT campaign_id || '/' || serial FROM ballot_sheet",
    };
}
