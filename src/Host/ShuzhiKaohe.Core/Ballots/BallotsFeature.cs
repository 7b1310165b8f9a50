using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Campaigns;

namespace ShuzhiKaohe.Core.Ballots;

internal sealed class BallotsFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<BallotService>();
        services.AddSingleton<IStageGate, BallotGate>();
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
