using System.Globalization;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Audit;

namespace ShuzhiKaohe.Core.Rectification;

/// <summary>What an approval (or a revision) set in motion for one assessee (第七条).</summary>
public sealed record ConsequenceOutcome(string OrgCode, Grade Grade, bool Interview, long? RectificationId, long? ConflictingAnnualId);

/// <summary>
/// 第七条, applied inside the transaction of the committee's approval or of a revision:
/// a grade other than 好 makes that year's 优秀 conflicting; 一般 or 差 brings a reminder interview (约谈提醒) and a
/// rectification item with a deadline (限期整改, source consequence), each created once.
/// </summary>
public sealed class Consequences(AuditTrail audit, OperatorContext who, DeadlineSettings settings)
{
    public ConsequenceOutcome Apply(SqliteConnection c, SqliteTransaction tx, long campaignId, int year, string orgCode, Grade grade, DateOnly today)
    {
        long? conflicting = null;
        if (grade != Grade.Good && AnnualStore.MarkConflicting(c, tx, year, orgCode) is { } annualId)
        {
            conflicting = annualId;
            audit.RecordChange(c, tx, "conflict", "annual_assessment", annualId.ToString(CultureInfo.InvariantCulture), orgCode, null,
                $"第七条：述职评议考核等次为“{grade.Chinese()}”，{year} 年度考核不能评为优秀");
        }
        if (grade is not (Grade.Average or Grade.Poor)) return new ConsequenceOutcome(orgCode, grade, false, null, conflicting);

        var interview = RectificationStore.InsertInterview(c, tx, campaignId, orgCode, grade.Json(), who.Name);
        if (interview)
            audit.RecordChange(c, tx, "create", "reminder_interview", $"{campaignId}/{orgCode}", orgCode, null, $"第七条：等次为“{grade.Chinese()}”，约谈提醒");
        long? item = null;
        if (!RectificationStore.HasConsequenceItem(c, tx, campaignId, orgCode))
        {
            item = RectificationStore.Insert(c, tx, campaignId, orgCode, RectificationSource.Consequence, $"campaign:{campaignId}",
                $"述职评议考核等次为“{grade.Chinese()}”，限期整改（第七条）", null, null, today.AddDays(settings.ConsequenceDays), who.Name);
            audit.RecordChange(c, tx, "create", "rectification_item", item.Value.ToString(CultureInfo.InvariantCulture), orgCode, null, "第七条：限期整改");
        }
        return new ConsequenceOutcome(orgCode, grade, interview, item, conflicting);
    }
}

/// <summary>
/// Settings of the rectification list: the deadline colours (Rectification:GreenDays / YellowDays) and the days a
/// consequence's rectification is given (Rectification:ConsequenceDays, 90 by default).
/// </summary>
public sealed record DeadlineSettings(DeadlineThresholds Thresholds, int ConsequenceDays = 90)
{
    public static DeadlineSettings Of(int greenDays, int yellowDays, int consequenceDays) =>
        yellowDays < 0 || greenDays < yellowDays || consequenceDays < 1
            ? throw new Common.InvalidInputException(
                $"整改期限设置有误（Rectification:GreenDays={greenDays}，YellowDays={yellowDays}，ConsequenceDays={consequenceDays}）：须 0 ≤ 黄色 ≤ 绿色，期限至少 1 天")
            : new DeadlineSettings(new DeadlineThresholds(greenDays, yellowDays), consequenceDays);
}
