using System.Globalization;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Rectification;

/// <summary>
/// 第七条 "述职评议考核结果为'较好'及以下等次的，年度考核不能评为优秀": the annual assessment of the assessee of an
/// organisation in a year is refused as 优秀 once that year's approved grade is not 好; one recorded earlier is
/// marked conflicting by the approval and listed until corrected.
/// </summary>
public sealed class AnnualAssessmentService(Database database, OrganisationDirectory organisations, Authorizer auth, AuditTrail audit, OperatorContext who)
{
    public AnnualAssessment Set(int year, string orgCode, string gradeText)
    {
        var grade = AnnualGrades.Parse(gradeText);
        organisations.Get(orgCode);
        auth.Require(Permission.RectificationWrite, orgCode);
        using var c = database.Open();
        using var tx = c.BeginWrite();
        if (grade == AnnualGrades.Excellent)
            foreach (var approved in AnnualStore.ApprovedGrades(c, tx, year, orgCode))
                if (Grades.TryParse(approved, out var g) && g != Grade.Good)
                    throw new RuleViolationException("第七条",
                        $"{orgCode} 的书记 {year} 年度述职评议考核等次为“{g.Chinese()}”（“较好”及以下），年度考核不能评为优秀");
        var existing = AnnualStore.Find(c, tx, year, orgCode);
        var key = existing?.Id.ToString(CultureInfo.InvariantCulture);
        var before = key is null ? null : audit.State(c, tx, "annual_assessment", key);
        var id = AnnualStore.Save(c, tx, year, orgCode, grade, who.Name, existing);
        audit.RecordChange(c, tx, existing is null ? "create" : "update", "annual_assessment", id.ToString(CultureInfo.InvariantCulture), orgCode, before);
        var saved = AnnualStore.Find(c, tx, year, orgCode)!;
        tx.Commit();
        return saved;
    }

    public IReadOnlyList<AnnualAssessment> List(int? year = null, bool conflictingOnly = false)
    {
        using var c = database.Open();
        return AnnualStore.List(c, year, conflictingOnly).Where(a => auth.Can(Permission.RectificationRead, a.OrgCode)).ToList();
    }
}
