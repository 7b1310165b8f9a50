using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Campaigns;

public sealed class SessionAndDebriefTests : IDisposable
{
    private readonly Jiangan _j = new();
    private readonly TempDir _dir = new("report");

    public void Dispose()
    {
        _j.Dispose();
        _dir.Dispose();
    }

    private const string Report = """
        一、工作成效
        全区17个街道党群服务中心全部对外开放,,,,,,居民满意度明显提升。。。。。
        二、存在的突出问题
        1. 个别社区党组织服务群众能力不足。
        三、问题产生的根源
        书记抓基层党建的责任压得不实。
        四、下一步措施
        开展软弱涣散社区党组织整顿。
        """;

    [Fact]
    public void A_session_in_summer_is_accepted_with_a_warning_citing_article_5()
    {
        var id = _j.NewCampaign();
        var r = _j.Sessions.Record(id, "区委常委会扩大会议", new DateOnly(2024, 6, 1));
        Assert.Contains(r.Warnings, w => w.StartsWith("第五条") && w.Contains("年底或次年年初"));
        var ok = _j.Sessions.Record(id, "区委常委会扩大会议", new DateOnly(2023, 12, 20), SessionService.ParseAttendees("上级组织部门派员=2"));
        Assert.Empty(ok.Warnings);
    }

    [Fact]
    public void The_meeting_record_keeps_attendees_by_category()
    {
        var id = _j.NewCampaign();
        var m = _j.Sessions.Record(id, "区委常委会扩大会议", new DateOnly(2024, 1, 15),
            SessionService.ParseAttendees("党代表=5,人大代表=3,政协委员=2,基层党员干部群众代表=10,org_department=2")).Value;
        Assert.Equal(MeetingForm.StandingCommitteeEnlarged, m.FormKey);
        Assert.Equal(5, m.Attendees[AttendeeCategory.PartyDelegate]);
        Assert.Equal(2, m.Attendees[AttendeeCategory.OrgDepartment]);
        Assert.Equal(new DateOnly(2024, 1, 15), _j.Sessions.Find(id)!.HeldOn);
    }

    [Fact]
    public void A_county_session_without_officials_from_the_city_organisation_department_is_warned_citing_article_8()
    {
        var r = _j.Sessions.Record(_j.NewCampaign(), "区委常委会扩大会议", new DateOnly(2024, 1, 15));
        Assert.Contains(r.Warnings, w => w.StartsWith("第八条"));
    }

    [Fact]
    public void Another_meeting_form_is_accepted_with_a_warning_and_an_unknown_category_refused()
    {
        var id = _j.NewCampaign();
        Assert.Contains(_j.Sessions.Record(id, "专题座谈会", new DateOnly(2024, 1, 15)).Warnings, w => w.Contains("扩大会议"));
        Assert.Throws<InvalidInputException>(() => SessionService.ParseAttendees("记者=3"));
    }

    [Fact]
    public void A_street_secretary_reports_in_writing_only_with_a_recorded_reason()
    {
        var id = _j.NewCampaign();
        var e = Assert.Throws<RuleViolationException>(() => _j.Debriefings.Record(id, Jiangan.Dazhi, DebriefMode.Written));
        Assert.Equal("第五条", e.Article);
        var r = _j.Debriefings.Record(id, Jiangan.Dazhi, DebriefMode.Written, "援疆任职，无法到会").Value;
        Assert.Equal("援疆任职，无法到会", r.WrittenReason);
    }

    [Fact]
    public void A_text_report_is_split_into_its_four_parts_with_damaged_punctuation_repaired()
    {
        var file = _dir.File("report.txt");
        File.WriteAllText(file, Report.Replace("\n", "\r\n"));
        var d = _j.Debriefings.RecordFromFile(_j.NewCampaign(), Jiangan.Dazhi, DebriefMode.Onsite, null, file).Value;
        Assert.Equal("全区17个街道党群服务中心全部对外开放，居民满意度明显提升。", d.Report!.Achievements);
        Assert.Equal("1. 个别社区党组织服务群众能力不足。", d.Report.Problems);
        Assert.Equal("书记抓基层党建的责任压得不实。", d.Report.Causes);
        Assert.Equal("开展软弱涣散社区党组织整顿。", d.Report.Measures);
        Assert.DoesNotContain("problems_empty", d.Flags);
    }

    [Fact]
    public void A_markdown_report_in_gb18030_is_read()
    {
        var file = _dir.File("report.md");
        var md = "## 工作成效\n做了实事\n## 突出问题\n服务不足\n## 根源分析\n责任不实\n## 改进措施\n整顿\n";
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(file, System.Text.Encoding.GetEncoding("GB18030").GetBytes(md));
        var parts = ReportReader.ReadFile(file);
        Assert.Equal("服务不足", parts.Problems);
        Assert.Equal("整顿", parts.Measures);
    }

    [Fact]
    public void A_docx_report_is_read_paragraph_by_paragraph()
    {
        var file = _dir.File("report.docx");
        using (var doc = WordprocessingDocument.Create(file, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(Report.Split('\n').Select(l => new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(l))))));
        }
        var parts = ReportReader.ReadFile(file);
        Assert.Equal("书记抓基层党建的责任压得不实。", parts.Causes);
    }

    [Fact]
    public void A_damaged_docx_is_refused_with_a_message_not_a_crash()
    {
        var file = _dir.File("broken.docx");
        File.WriteAllBytes(file, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        Assert.Throws<InvalidInputException>(() => ReportReader.ReadFile(file));
    }

    [Fact]
    public void A_report_without_any_part_heading_is_refused() =>
        Assert.Throws<InvalidInputException>(() => ReportReader.Parse("今年工作很好。明年继续努力。"));

    [Fact]
    public void A_report_with_an_empty_problems_part_is_flagged_citing_article_5()
    {
        var parts = ReportReader.Parse("一、工作成效\n成绩很大\n二、突出问题\n三、根源\n思想不够重视\n四、措施\n加强学习");
        Assert.Null(parts.Problems);
        var r = _j.Debriefings.Record(_j.NewCampaign(), Jiangan.Dazhi, DebriefMode.Onsite, report: parts);
        Assert.Contains("problems_empty", r.Value.Flags);
        Assert.Contains(r.Warnings, w => w.StartsWith("第五条") && w.Contains("突出问题"));
    }

    [Theory]
    [InlineData("一、工作成效", 0)]
    [InlineData("## 存在的突出问题", 1)]
    [InlineData("（三）问题产生的根源", 2)]
    [InlineData("**下一步工作措施**", 3)]
    [InlineData("解决问题的措施：", 3)]
    [InlineData("社区服务群众的问题依然存在，群众反映较多的是办事难。", null)]
    public void Part_headings_are_recognised_by_their_words_and_shape(string line, int? kind) =>
        Assert.Equal(kind, ReportReader.HeadingKind(line));

    [Fact]
    public void Recording_a_debriefing_again_replaces_it()
    {
        var id = _j.NewCampaign();
        _j.Debriefings.Record(id, Jiangan.Dazhi, DebriefMode.Onsite);
        var again = _j.Debriefings.Record(id, Jiangan.Dazhi, DebriefMode.Written, "病假");
        Assert.Equal(DebriefMode.Written, again.Value.Mode);
        Assert.Equal(2, again.Value.RowVersion);
        Assert.Single(_j.Debriefings.List(id));
    }
}
