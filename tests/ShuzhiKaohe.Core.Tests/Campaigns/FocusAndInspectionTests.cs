using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Focus;
using ShuzhiKaohe.Core.Inspection;

namespace ShuzhiKaohe.Core.Tests.Campaigns;

public sealed class FocusAndInspectionTests : IDisposable
{
    private readonly Jiangan _j = new();

    public void Dispose() => _j.Dispose();

    private long InInspection()
    {
        var id = _j.NewCampaign();
        _j.Campaigns.Advance(id);
        return id;
    }

    [Fact]
    public void A_street_has_the_five_standard_items_its_sector_items_and_the_two_mandatory_ones()
    {
        var items = _j.Focus.For(_j.NewCampaign(), Jiangan.Dazhi).Value;
        Assert.Equal(["std.1", "std.2", "std.3", "std.4", "std.5"], items.Where(i => i.Source == CampaignFocusSource.Standard).Select(i => i.Code).ToList());
        Assert.Equal(["mandatory.rectification", "mandatory.inspection_tour"], items.Where(i => i.Source == CampaignFocusSource.Mandatory).Select(i => i.Code).ToList());
        Assert.Contains(items, i => i.Source == CampaignFocusSource.Sector);
        Assert.Equal(CampaignFocusSource.Mandatory, items[^1].Source);
    }

    [Fact]
    public void An_annual_key_task_joins_every_assessees_items_in_plan()
    {
        var id = _j.NewCampaign();
        var item = _j.Focus.AddAnnual(id, "党建引领城市社区治理", "群众反映的急难愁盼问题是否解决", 15).Value;
        Assert.Equal("annual.1", item.Code);
        Assert.Contains(_j.Focus.For(id, Jiangan.Yiyuan).Value, i => i.Code == "annual.1" && i.Source == CampaignFocusSource.Annual);
        Assert.Contains(_j.Focus.For(id).Value, i => i.Code == "annual.1");
    }

    [Fact]
    public void An_annual_task_judged_by_meeting_counts_is_refused_citing_article_6()
    {
        var id = _j.NewCampaign();
        var e = Assert.Throws<RuleViolationException>(() => _j.Focus.AddAnnual(id, "基层党组织建设", "全年召开党建工作会议次数"));
        Assert.Equal("第六条", e.Article);
        Assert.DoesNotContain(_j.Focus.For(id).Value, i => i.Source == CampaignFocusSource.Annual);
    }

    [Fact]
    public void More_items_than_the_limit_is_warned_against_citing_article_4()
    {
        var id = _j.Campaigns.Create(Jiangan.County, 2023, focusLimit: 8).Value.Campaign.Id;
        var r = _j.Focus.For(id, Jiangan.Dazhi);
        Assert.True(r.Value.Count > 8);
        Assert.Contains(r.Warnings, w => w.StartsWith("第四条") && w.Contains("防止面面俱到"));
        Assert.Contains(_j.Focus.AddAnnual(id, "城市基层党建示范街道创建").Warnings, w => w.StartsWith("第四条"));
    }

    [Fact]
    public void Annual_tasks_are_added_in_plan_only()
    {
        var id = InInspection();
        Assert.Throws<InvalidInputException>(() => _j.Focus.AddAnnual(id, "新任务"));
    }

    [Fact]
    public void An_inspection_score_from_a_site_visit_is_recorded_with_its_evidence()
    {
        var id = InInspection();
        var s = _j.Inspections.Record(id, Jiangan.Dazhi, "std.3", 88, [EvidenceKind.Site, EvidenceKind.Interview], "支部活动阵地群众评价好").Value;
        Assert.Equal(88, s.Score);
        Assert.Equal([EvidenceKind.Site, EvidenceKind.Interview], s.Evidence);
        Assert.Single(_j.Inspections.List(id, Jiangan.Dazhi));
    }

    [Theory]
    [InlineData(EvidenceKind.Briefing)]
    [InlineData(EvidenceKind.Records)]
    public void Briefings_or_records_alone_are_never_a_scores_evidence_citing_article_6(EvidenceKind kind)
    {
        var id = InInspection();
        var e = Assert.Throws<RuleViolationException>(() => _j.Inspections.Record(id, Jiangan.Dazhi, "std.3", 90, [kind]));
        Assert.Equal("第六条", e.Article);
        Assert.Throws<RuleViolationException>(() => _j.Inspections.Record(id, Jiangan.Dazhi, "std.3", 90, [EvidenceKind.Briefing, EvidenceKind.Records]));
    }

    [Fact]
    public void Briefings_beside_a_site_visit_are_accepted_with_a_warning_citing_article_6()
    {
        var r = _j.Inspections.Record(InInspection(), Jiangan.Dazhi, "std.3", 80, [EvidenceKind.Site, EvidenceKind.Briefing]);
        Assert.Contains(r.Warnings, w => w.StartsWith("第六条") && w.Contains("听汇报"));
    }

    [Fact]
    public void A_finding_that_counts_documents_issued_is_refused_by_the_guard()
    {
        var e = Assert.Throws<RuleViolationException>(() =>
            _j.Inspections.Record(InInspection(), Jiangan.Dazhi, "std.2", 60, [EvidenceKind.Site], "全年仅印发3份文件"));
        Assert.Equal("第六条", e.Article);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void Scores_outside_0_to_100_are_refused(double score) =>
        Assert.Throws<InvalidInputException>(() => _j.Inspections.Record(InInspection(), Jiangan.Dazhi, "std.3", score, [EvidenceKind.Site]));

    [Fact]
    public void A_score_for_an_item_the_assessee_does_not_have_is_not_found() =>
        Assert.Throws<NotFoundException>(() => _j.Inspections.Record(InInspection(), Jiangan.Dazhi, "annual.9", 80, [EvidenceKind.Site]));

    [Fact]
    public void Scoring_an_item_again_replaces_the_score_and_a_stale_version_is_refused()
    {
        var id = InInspection();
        var first = _j.Inspections.Record(id, Jiangan.Dazhi, "std.3", 70, [EvidenceKind.Site]).Value;
        var second = _j.Inspections.Record(id, Jiangan.Dazhi, "std.3", 75, [EvidenceKind.Interview]);
        Assert.Equal(75, second.Value.Score);
        Assert.Contains(second.Warnings, w => w.Contains("已改为"));
        Assert.Throws<ConflictException>(() => _j.Inspections.Record(id, Jiangan.Dazhi, "std.3", 60, [EvidenceKind.Site], null, first.RowVersion));
    }

    [Fact]
    public void Scores_are_keyed_during_the_inspection_stage_only() =>
        Assert.Throws<InvalidInputException>(() => _j.Inspections.Record(_j.NewCampaign(), Jiangan.Dazhi, "std.3", 80, [EvidenceKind.Site]));

    [Fact]
    public void Entering_the_session_warns_about_assessees_without_inspection_findings_citing_article_6()
    {
        var id = InInspection();
        _j.Inspections.Record(id, Jiangan.Dazhi, "std.3", 80, [EvidenceKind.Site]);
        var r = _j.Campaigns.Advance(id);
        Assert.Equal(CampaignStage.Session, r.Value.Stage);
        var w = Assert.Single(r.Warnings, x => x.StartsWith("第六条"));
        Assert.Contains("16 个考核对象", w);
    }

    [Fact]
    public void A_focus_item_the_report_never_addresses_is_flagged_citing_article_5()
    {
        var id = _j.NewCampaign();
        var report = ReportReader.Parse("""
            一、工作成效
            深入学习贯彻习近平新时代中国特色社会主义思想；推动党支部建设，党员队伍建设加强；
            围绕中心任务发挥战斗堡垒作用；落实党风廉政建设责任制；书记履行第一责任人职责。
            抓党建促乡村振兴，推进网格治理，群众反映的问题得到解决，软弱涣散党组织整顿转化。
            二、突出问题
            上年度整改清单尚有两项未完成。
            三、根源
            责任压得不实。
            四、措施
            加强整改。
            """);
        var flags = _j.Debriefings.Record(id, Jiangan.Dazhi, DebriefMode.Onsite, report: report).Value.Flags;
        Assert.Contains("focus_not_addressed:mandatory.inspection_tour", flags);
        Assert.DoesNotContain("focus_not_addressed:mandatory.rectification", flags);
        Assert.DoesNotContain("focus_not_addressed:std.1", flags);
    }
}
