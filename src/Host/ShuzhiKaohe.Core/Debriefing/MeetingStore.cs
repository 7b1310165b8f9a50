using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Debriefing;

/// <summary>The SQL of the session's meeting record.</summary>
internal static class MeetingStore
{
    /// <summary>The session date, when the meeting is recorded: the date the assessee is resolved at.</summary>
    public static DateOnly? HeldOn(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, "SELECT held_on FROM session_meeting WHERE campaign_id = $c", r => (DateOnly?)Sql.ParseDate(r.GetString(0)), ("$c", campaignId))
            .FirstOrDefault();

    public static SessionMeeting? Find(SqliteConnection c, SqliteTransaction? tx, long campaignId)
    {
        var attendees = c.List(tx, "SELECT category, attendees FROM session_attendance WHERE campaign_id = $c",
                r => (Category: r.GetString(0), Count: r.GetInt32(1)), ("$c", campaignId))
            .ToDictionary(x => AttendeeCategories.All.First(a => a.Key() == x.Category), x => x.Count);
        return c.List(tx, "SELECT form_key, form, held_on, recorded_by, recorded_at, row_version FROM session_meeting WHERE campaign_id = $c",
            r => new SessionMeeting(campaignId, AttendeeCategories.ParseFormKey(r.GetString(0)), r.GetString(1), Sql.ParseDate(r.GetString(2)),
                attendees, r.GetString(3), r.GetString(4), r.GetInt64(5)), ("$c", campaignId)).FirstOrDefault();
    }

    public static void Save(SqliteConnection c, SqliteTransaction tx, long campaignId, MeetingForm key, string form, DateOnly heldOn,
        IReadOnlyDictionary<AttendeeCategory, int> attendees, string who, long? existingVersion)
    {
        var now = Sql.Now();
        if (existingVersion is null)
            c.Exec(tx, """
                INSERT INTO session_meeting(campaign_id, form_key, form, held_on, recorded_by, recorded_at) VALUES ($c, $k, $f, $d, $who, $now)
                """, ("$c", campaignId), ("$k", key.FormKey()), ("$f", form), ("$d", Sql.Date(heldOn)), ("$who", who), ("$now", now));
        else if (c.Exec(tx, """
                     UPDATE session_meeting SET form_key = $k, form = $f, held_on = $d, recorded_by = $who, recorded_at = $now, row_version = row_version + 1
                      WHERE campaign_id = $c AND row_version = $rv
                     """, ("$c", campaignId), ("$k", key.FormKey()), ("$f", form), ("$d", Sql.Date(heldOn)), ("$who", who), ("$now", now),
                     ("$rv", existingVersion)) == 0)
            throw new ConflictException($"考核 {campaignId} 的述职评议会记录", existingVersion.Value, null);
        c.Exec(tx, "DELETE FROM session_attendance WHERE campaign_id = $c", ("$c", campaignId));
        foreach (var (category, count) in attendees)
            c.Exec(tx, "INSERT INTO session_attendance(campaign_id, category, attendees) VALUES ($c, $k, $n)",
                ("$c", campaignId), ("$k", category.Key()), ("$n", count));
    }
}
