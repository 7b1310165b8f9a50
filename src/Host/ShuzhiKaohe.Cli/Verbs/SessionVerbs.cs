using System.CommandLine;
using ShuzhiKaohe.Core.Debriefing;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi session record|show</c> — the debriefing session's meeting record (第五、八条).</summary>
internal sealed class SessionVerbs : IVerbGroup
{
    public int Order => 50;
    public string Noun => "session";

    public Command Build(CliApp app)
    {
        var session = new Command("session", "述职评议会记录：会议形式、日期、参会人员（第五、八条）");

        var id = CampaignOptions.Campaign();
        var form = new Option<string>("--form") { Description = "会议形式：党委常委会扩大会议 / 党委（党组）扩大会议", Required = true, HelpName = "TEXT" };
        var date = new Option<string>("--date") { Description = "会议日期", Required = true, HelpName = "YYYY-MM-DD" };
        var attendees = new Option<string?>("--attendees")
        {
            Description = "参会人员，类别=人数，逗号分隔：党代表|人大代表|政协委员|基层党员干部群众代表|上级组织部门派员（或 party_delegate|npc_deputy|cppcc_member|grassroots|org_department）",
            HelpName = "CATEGORY=N,…",
        };
        var record = new Command("record", "记录（或更正）述职评议会；会议日期决定考核对象为当时在任的书记") { id, form, date, attendees };
        record.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<SessionService>().Record(ctx.Value(id), ctx.Value(form)!, CampaignOptions.ParseDate(ctx.Value(date)!),
                SessionService.ParseAttendees(ctx.Value(attendees)));
            ctx.Warn(r.Warnings);
            return ctx.Emit(Json(r.Value), o => Write(o, r.Value));
        }));
        session.Subcommands.Add(record);

        var sid = CampaignOptions.Campaign();
        var show = new Command("show", "查看述职评议会记录") { sid };
        show.SetAction(pr => app.Run(pr, ctx =>
        {
            var m = ctx.Get<SessionService>().Find(ctx.Value(sid))
                    ?? throw new Core.Common.NotFoundException($"考核 {ctx.Value(sid)} 尚未记录述职评议会");
            return ctx.Emit(Json(m), o => Write(o, m));
        }));
        session.Subcommands.Add(show);
        return session;
    }

    private static object Json(SessionMeeting m) => new
    {
        campaign = m.CampaignId,
        form = m.Form,
        form_key = m.FormKey.FormKey(),
        date = m.HeldOn.ToString("yyyy-MM-dd"),
        attendees = AttendeeCategories.All.ToDictionary(a => a.Key(), a => m.Attendees.GetValueOrDefault(a)),
        recorded_by = m.RecordedBy,
        recorded_at = m.RecordedAt,
        row_version = m.RowVersion,
    };

    private static void Write(TextWriter o, SessionMeeting m)
    {
        o.WriteLine($"考核 {m.CampaignId} 述职评议会：{m.Form}，{m.HeldOn:yyyy-MM-dd}");
        foreach (var a in AttendeeCategories.All.Where(a => m.Attendees.ContainsKey(a)))
            o.WriteLine($"  {a.Chinese()}：{m.Attendees[a]} 人");
    }
}
