using ShuzhiKaohe.Core.Campaigns;

namespace ShuzhiKaohe.Core.Debriefing;

/// <summary>
/// session → evaluation (第五条): every assessee has a debriefing record, and on-site reports were heard at a
/// recorded meeting.
/// </summary>
internal sealed class DebriefingGate : IStageGate
{
    public CampaignStage Leaving => CampaignStage.Session;

    public void Check(GateContext gate)
    {
        var missing = DebriefingStore.EntriesWithout(gate.Connection, gate.Transaction, gate.Campaign.Id).ToHashSet();
        if (missing.Count > 0)
            gate.Block("第五条", $"{missing.Count} 个考核对象尚无述职记录：{GateContext.Name(gate.Roster.Where(e => missing.Contains(e.Id)).ToList())}");
        if (DebriefingStore.OnsiteCount(gate.Connection, gate.Transaction, gate.Campaign.Id) > 0
            && MeetingStore.HeldOn(gate.Connection, gate.Transaction, gate.Campaign.Id) is null)
            gate.Block("第五条", "有现场述职，但尚未记录述职评议会（session record：会议形式、日期、参会人员）");
    }
}
