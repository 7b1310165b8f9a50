using Microsoft.Data.Sqlite;

namespace ShuzhiKaohe.Core.Campaigns;

/// <summary>
/// A check made when a campaign leaves a stage. Each feature registers its own (the roster's in Campaigns/, the
/// debriefings' and comments' in Debriefing/ and Comments/ …), so a later feature adds a gate without editing
/// the campaign service.
/// </summary>
public interface IStageGate
{
    /// <summary>The stage being left.</summary>
    CampaignStage Leaving { get; }

    void Check(GateContext gate);
}

/// <summary>What a gate sees (inside the move's transaction) and where it says what blocks or what to warn about.</summary>
public sealed class GateContext(SqliteConnection connection, SqliteTransaction transaction, Campaign campaign, IReadOnlyList<RosterEntry> roster)
{
    private readonly List<(string Article, string Message)> _blockers = [];
    private readonly List<string> _warnings = [];

    public SqliteConnection Connection { get; } = connection;
    public SqliteTransaction Transaction { get; } = transaction;
    public Campaign Campaign { get; } = campaign;

    /// <summary>The active roster.</summary>
    public IReadOnlyList<RosterEntry> Roster { get; } = roster;

    public IReadOnlyList<(string Article, string Message)> Blockers => _blockers;
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The move is refused; the message names what blocks it and the article it comes from.</summary>
    public void Block(string article, string message) => _blockers.Add((article, message));

    public void Warn(string message) => _warnings.Add(message);

    /// <summary>"420102002 大智街道、420102003 一元街道 …" (at most <paramref name="max"/> named).</summary>
    public static string Name(IReadOnlyCollection<RosterEntry> entries, int max = 10) =>
        string.Join("、", entries.Take(max).Select(e => $"{e.OrgCode} {e.OrgName}")) + (entries.Count > max ? $" 等 {entries.Count} 个" : "");
}

/// <summary>第三条: a campaign assesses somebody: plan → inspection needs a non-empty roster.</summary>
internal sealed class RosterGate : IStageGate
{
    public CampaignStage Leaving => CampaignStage.Plan;

    public void Check(GateContext gate)
    {
        if (gate.Roster.Count == 0)
            gate.Block("第三条", "考核名单为空：请先用 campaign roster add 加入被考核的下一级党组织");
    }
}
