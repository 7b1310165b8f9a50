using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Campaigns;

public sealed class CampaignTests : IDisposable
{
    private readonly Jiangan _j = new();

    public void Dispose() => _j.Dispose();

    [Fact]
    public void A_county_campaign_starts_in_plan_with_its_real_streets_as_the_roster()
    {
        var r = _j.Campaigns.Create(Jiangan.County, 2023);
        var v = r.Value;
        Assert.Equal(CampaignStage.Plan, v.Campaign.Stage);
        Assert.Equal(17, _j.Streets.Count);
        Assert.Equal(_j.Streets.Select(s => s.Code).Order(), v.Roster.Select(a => a.Entry.OrgCode).Order());
        Assert.All(v.Roster, a => Assert.Equal(RosterOrigin.Default, a.Entry.Origin));
        Assert.Single(v.Moves);
    }

    [Theory]
    [InlineData(2018)]
    [InlineData(2000)]
    public void Years_before_2019_are_refused_citing_article_10(int year)
    {
        var e = Assert.Throws<RuleViolationException>(() => _j.Campaigns.Create(Jiangan.County, year));
        Assert.Equal("第十条", e.Article);
        Assert.StartsWith("第十条", e.Message);
    }

    [Fact]
    public void The_2019_assessment_is_the_first_allowed() =>
        Assert.Equal(2019, _j.Campaigns.Create(Jiangan.County, 2019).Value.Campaign.Year);

    [Fact]
    public void One_organiser_has_one_campaign_a_year()
    {
        _j.NewCampaign();
        Assert.Throws<InvalidInputException>(() => _j.Campaigns.Create(Jiangan.County, 2023));
    }

    [Fact]
    public void A_provincial_campaign_looks_through_the_city_grouping_to_cities()
    {
        using (var c = _j.Open()) DivisionSeed.Insert(c, null, "4290", "省直辖县级行政区划", "42", 2);
        using (var c = _j.Open()) DivisionSeed.Insert(c, null, "429004", "仙桃市", "4290", 3);
        var v = _j.Campaigns.Create("42", 2023).Value;
        Assert.Equal(["4201", "429004"], v.Roster.Select(a => a.Entry.OrgCode).ToList());
    }

    [Fact]
    public void A_statistical_grouping_cannot_organise_a_campaign()
    {
        using (var c = _j.Open()) DivisionSeed.Insert(c, null, "4290", "省直辖县级行政区划", "42", 2);
        var e = Assert.Throws<RuleViolationException>(() => _j.Campaigns.Create("4290", 2023));
        Assert.Equal("第三条", e.Article);
    }

    [Fact]
    public void Extras_are_added_and_members_removed_with_a_reason_while_in_plan()
    {
        var id = _j.NewCampaign();
        using (var c = _j.Open()) DivisionSeed.Insert(c, null, "420102900", "区机关工委", Jiangan.County, 4);
        var added = _j.Campaigns.AddToRoster(id, "420102900", "同级工委一并纳入（第三条）").Value;
        Assert.Contains(added.Roster, a => a.Entry.OrgCode == "420102900" && a.Entry.Origin == RosterOrigin.Extra);

        var removed = _j.Campaigns.RemoveFromRoster(id, Jiangan.Dazhi, "街道撤并");
        Assert.DoesNotContain(removed.Roster, a => a.Entry.OrgCode == Jiangan.Dazhi);
        var gone = Assert.Single(removed.Removed);
        Assert.Equal("街道撤并", gone.RemovedReason);
        Assert.Equal("tester", gone.RemovedBy);

        var back = _j.Campaigns.AddToRoster(id, Jiangan.Dazhi).Value;
        Assert.Contains(back.Roster, a => a.Entry.OrgCode == Jiangan.Dazhi);
        Assert.Empty(back.Removed);
    }

    [Fact]
    public void Removing_without_a_reason_is_refused() =>
        Assert.Throws<InvalidInputException>(() => _j.Campaigns.RemoveFromRoster(_j.NewCampaign(), Jiangan.Dazhi, "  "));

    [Fact]
    public void The_organiser_cannot_assess_itself() =>
        Assert.Equal("第三条", Assert.Throws<RuleViolationException>(() => _j.Campaigns.AddToRoster(_j.NewCampaign(), Jiangan.County)).Article);

    [Fact]
    public void The_roster_cannot_change_once_the_campaign_left_plan()
    {
        var id = _j.NewCampaign();
        _j.Campaigns.Advance(id);
        Assert.Throws<InvalidInputException>(() => _j.Campaigns.RemoveFromRoster(id, Jiangan.Dazhi, "迟了"));
    }

    [Fact]
    public void An_organisation_outside_the_organisers_tree_is_added_with_a_warning()
    {
        var id = _j.NewCampaign();
        using (var c = _j.Open()) DivisionSeed.Insert(c, null, "420103", "江汉区", "4201", 3);
        var r = _j.Campaigns.AddToRoster(id, "420103", "试点");
        Assert.Contains(r.Warnings, w => w.Contains("隶属范围"));
    }

    [Fact]
    public void Without_secretaries_the_assessee_is_the_secretary_of_the_code_and_flagged()
    {
        var r = _j.Campaigns.Create(Jiangan.County, 2023);
        var a = r.Value.Roster.First(x => x.Entry.OrgCode == Jiangan.Dazhi);
        Assert.Null(a.Holder);
        Assert.Equal($"{Jiangan.Dazhi} 的书记", a.Name);
        Assert.Contains("secretary_unknown", a.Flags);
        Assert.Contains(r.Warnings, w => w.Contains("尚未导入书记"));
    }

    [Fact]
    public void The_assessee_is_the_secretary_in_post_at_the_session_date_and_a_predecessor_is_flagged()
    {
        using (var c = _j.Open())
        {
            DivisionSeed.Secretary(c, Jiangan.Dazhi, "张前任", "2020-03-01", "2023-07-01");
            DivisionSeed.Secretary(c, Jiangan.Dazhi, "李现任", "2023-07-01");
        }
        var id = _j.NewCampaign();
        _j.Sessions.Record(id, "区委常委会扩大会议", new DateOnly(2024, 1, 10));
        var a = _j.Campaigns.Show(id).Roster.First(x => x.Entry.OrgCode == Jiangan.Dazhi);
        Assert.Equal("李现任", a.Name);
        Assert.Equal("张前任", Assert.Single(a.Predecessors).PersonName);
        Assert.Contains("mid_year_change", a.Flags);
    }

    [Fact]
    public void An_assessee_pinned_in_plan_stays_whatever_the_session_date()
    {
        long first;
        using (var c = _j.Open())
        {
            first = DivisionSeed.Secretary(c, Jiangan.Dazhi, "张前任", "2020-03-01", "2023-07-01");
            DivisionSeed.Secretary(c, Jiangan.Dazhi, "李现任", "2023-07-01");
        }
        var id = _j.NewCampaign();
        var v = _j.Campaigns.PinAssessee(id, Jiangan.Dazhi, first);
        Assert.Equal("张前任", v.Roster.First(x => x.Entry.OrgCode == Jiangan.Dazhi).Name);
    }

    [Fact]
    public void Leaving_plan_with_an_empty_roster_is_refused_citing_article_3()
    {
        var id = _j.NewCampaign();
        foreach (var (code, _) in _j.Streets) _j.Campaigns.RemoveFromRoster(id, code, "测试");
        var e = Assert.Throws<RuleViolationException>(() => _j.Campaigns.Advance(id));
        Assert.Equal("第三条", e.Article);
        Assert.Contains("名单为空", e.Message);
    }

    [Fact]
    public void Leaving_the_session_needs_a_debriefing_and_a_superior_comment_for_every_assessee()
    {
        var id = _j.InSession();
        var e = Assert.Throws<RuleViolationException>(() => _j.Campaigns.Advance(id));
        Assert.Equal("第五条", e.Article);
        Assert.Contains("尚无述职记录", e.Message);
        Assert.Contains("尚无书记点评", e.Message);

        _j.CompleteSession(id);
        var moved = _j.Campaigns.Advance(id);
        Assert.Equal(CampaignStage.Evaluation, moved.Value.Stage);
        Assert.Contains(moved.Warnings, w => w.Contains("尚未录入测评票"));
    }

    [Fact]
    public void A_plain_advance_never_approves_the_grades()
    {
        var id = _j.InSession();
        _j.CompleteSession(id);
        _j.Campaigns.Advance(id);
        var e = Assert.Throws<RuleViolationException>(() => _j.Campaigns.Advance(id));
        Assert.Equal("第六条", e.Article);
        Assert.Contains("evaluate approve", e.Message);
    }

    [Fact]
    public void Every_move_is_recorded_with_who_made_it()
    {
        var id = _j.NewCampaign();
        _j.Campaigns.Advance(id);
        var moves = _j.Campaigns.Show(id).Moves;
        Assert.Equal([CampaignStage.Plan, CampaignStage.Inspection], moves.Select(m => m.To).ToList());
        Assert.All(moves, m => Assert.Equal("tester", m.MovedBy));
    }

    [Fact]
    public void A_change_made_on_a_stale_version_is_refused_not_overwritten()
    {
        var id = _j.NewCampaign();
        var read = _j.Campaigns.Get(id).RowVersion;
        _j.Campaigns.RemoveFromRoster(id, Jiangan.Dazhi, "另一操作员先改了");
        Assert.Throws<ConflictException>(() => _j.Campaigns.Advance(id, read));
        Assert.Throws<ConflictException>(() => _j.Campaigns.RemoveFromRoster(id, Jiangan.Yiyuan, "迟到的修改", read));
    }

    [Fact]
    public void The_session_date_fixes_the_assessees_when_the_session_ends()
    {
        using (var c = _j.Open()) DivisionSeed.Secretary(c, Jiangan.Dazhi, "王书记", "2021-01-01");
        var id = _j.InSession();
        _j.CompleteSession(id);
        _j.Campaigns.Advance(id);
        var a = _j.Campaigns.Show(id).Roster.First(x => x.Entry.OrgCode == Jiangan.Dazhi);
        Assert.NotNull(a.Entry.AssesseeTermId);
        Assert.Equal("王书记", a.Name);
    }
}
