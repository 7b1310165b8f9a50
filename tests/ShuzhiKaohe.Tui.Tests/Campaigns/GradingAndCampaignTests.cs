using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Testing;
using ShuzhiKaohe.Tui.Ballots;
using ShuzhiKaohe.Tui.Campaigns;
using ShuzhiKaohe.Tui.Grading;
using ShuzhiKaohe.Tui.Inspection;
using ShuzhiKaohe.Tui.Rectification;
using ShuzhiKaohe.Tui.Session;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace ShuzhiKaohe.Tui.Tests.Campaigns;

/// <summary>The campaign and grading screens, several operators at once, and a whole county campaign through the view models.</summary>
public sealed class GradingAndCampaignTests
{
    private static T Model<T>(IServiceProvider services, long id) where T : class => ActivatorUtilities.CreateInstance<T>(services, id);

    [Fact]
    public void Grading_refuses_approval_while_the_quota_is_unmet_and_shows_why()
    {
        using var h = new ConsoleHarness(120, 40);
        County.Load(h.Core.Services);
        var id = County.InEvaluation(h.Core.Services);
        // The committee's view so far: everyone 好, so no one is 较好 or below (0.3 × 15 → 5 needed).
        foreach (var a in h.Core.Get<CampaignService>().Assessees(id))
            h.Core.Get<EvaluationService>().Set(id, a.Entry.OrgCode, Grade.Good, "党委研究意见");
        h.Press(Key.F5, Key.Enter, new Key('g'));
        Assert.IsType<GradingScreen>(h.Shell.Current);

        Assert.Contains("批准不可用：第六条：评价为“较好”或以下等次的应占一定比例", h.Text);
        Assert.Contains("还须 5 人评为“较好”或以下", h.Text);
        Assert.Contains("较好及以下 0/5", h.Text);

        h.Press(Key.F9);

        Assert.StartsWith("✗ 不能批准：第六条", h.Shell.Message);
        Assert.Equal(CampaignStage.Evaluation, h.Core.Get<CampaignService>().Get(id).Stage);
        var model = Model<GradingViewModel>(h.Core.Services, id);
        model.Load();
        var refused = Assert.Throws<RuleViolationException>(() => model.Approve("区委常委会"));
        Assert.Equal("第六条", refused.Article);
        Assert.Contains("还须 5 人", refused.Message);
    }

    /// <summary>A county campaign in evaluation, its grading screen open and grades proposed with `p`.</summary>
    private static (long Id, GradingViewModel Model) GradingWithProposals(ConsoleHarness h)
    {
        County.Load(h.Core.Services);
        var id = County.InEvaluation(h.Core.Services);
        h.Press(Key.F5, Key.Enter, new Key('g'), new Key('p'));
        Assert.Contains("已提出建议等次", h.Shell.Message);
        return (id, ((GradingScreen)h.Shell.Current).Model);
    }

    [Fact]
    public void A_grade_changed_through_the_screen_needs_a_reason_and_updates_the_distribution()
    {
        using var h = new ConsoleHarness(120, 40);
        var (id, model) = GradingWithProposals(h);
        var first = model.Lines[0].OrgCode;

        h.InDialog(new Key('4'), () => h.Press(Key.Enter));
        Assert.StartsWith("✗ 第六条：人工确定", h.Shell.Message);

        h.InDialog(new Key('4'), () => h.Press([.. "群众反映问题较多".Select(c => new Key(c)), Key.Enter]));
        Assert.Equal(Grade.Poor, model.Lines[0].Grade!.Grade);
        Assert.Equal(GradeStatus.Set, h.Core.Get<EvaluationService>().Show(id).Lines.Single(l => l.OrgCode == first).Grade!.Status);
        Assert.Contains("差 1", h.Text);
    }

    [Fact]
    public void A_grade_set_changes_exactly_that_row_and_the_quota_line_as_a_reload_would()
    {
        using var h = new ConsoleHarness(120, 40);
        var (id, model) = GradingWithProposals(h);
        h.Press(Key.CursorDown, Key.CursorDown);
        var before = model.RowLines;
        var lines = model.Lines.ToList();
        var quota = model.QuotaLine;
        var changed = -1;
        model.LineChanged += i => changed = i;
        var target = before.Count > 2 && model.Lines[2].Grade?.Grade == Grade.Poor ? Grade.Average : Grade.Poor;

        h.InDialog(new Key(target == Grade.Poor ? '4' : '3'), () => h.Press([.. "党委研究意见".Select(c => new Key(c)), Key.Enter]));

        Assert.Equal(2, changed);
        var after = model.RowLines;
        Assert.Equal(before.Count, after.Count);
        Assert.Equal([2], Enumerable.Range(0, after.Count).Where(i => after[i] != before[i]));
        Assert.Equal(Enumerable.Range(0, lines.Count).Where(i => i != 2).Select(i => lines[i]), Enumerable.Range(0, lines.Count).Where(i => i != 2).Select(i => model.Lines[i]));
        Assert.EndsWith("人工", after[2].TrimEnd());
        Assert.NotEqual(quota, model.QuotaLine);
        Assert.Contains(model.QuotaLine, h.Text);
        Assert.Contains(after[2].TrimEnd(), h.Text);

        // The incremental row and quota line are what a full read of Core gives.
        var reloaded = Model<GradingViewModel>(h.Core.Services, id);
        reloaded.Load();
        Assert.Equal(reloaded.RowLines, after);
        Assert.Equal(reloaded.QuotaLine, model.QuotaLine);
        Assert.Equal(reloaded.ApprovalBlocked, model.ApprovalBlocked);
    }

    [Fact]
    public void Two_grading_view_models_on_one_database_never_lose_an_update_silently()
    {
        using var a = new CoreHarness();
        County.Load(a.Services);
        var id = County.InEvaluation(a.Services);
        a.Get<EvaluationService>().Propose(id);
        using var b = new CoreHarness(a.DatabasePath);
        var first = Model<GradingViewModel>(a.Services, id);
        var second = Model<GradingViewModel>(b.Services, id);
        first.Load();
        second.Load();
        var org = first.Lines[0].OrgCode;

        first.SetGrade(org, Grade.Average, "第一位操作员：群众反映问题较多");
        var lost = Assert.Throws<ConflictException>(() => second.SetGrade(org, Grade.Good, "第二位操作员：成效突出"));

        Assert.Contains("已被其他操作员修改", lost.Message);
        Assert.Equal(Grade.Average, second.Lines[0].Grade!.Grade);
        Assert.Equal("第一位操作员：群众反映问题较多", second.Lines[0].Grade!.Reason);
        // Having seen the other operator's change, the second operator may decide again.
        second.SetGrade(org, Grade.Good, "第二位操作员：核实后维持");
        first.Load();
        Assert.Equal(Grade.Good, first.Lines[0].Grade!.Grade);
    }

    [Fact]
    public void Two_rectification_boards_on_one_database_never_lose_progress_silently()
    {
        using var a = new CoreHarness();
        var codes = County.Load(a.Services);
        var item = a.Get<RectificationService>().Add(codes[0], RectificationSource.InspectionTour, "巡察反馈：书记队伍老化", new DateOnly(2026, 1, 31));
        using var b = new CoreHarness(a.DatabasePath);
        var first = new RectificationViewModel(null, a.Get<RectificationService>(), a.Get<ShuzhiKaohe.Core.Organisations.OrganisationDirectory>());
        var second = new RectificationViewModel(null, b.Get<RectificationService>(), b.Get<ShuzhiKaohe.Core.Organisations.OrganisationDirectory>());
        first.Load();
        second.Load();

        first.Close(item.Id, "整改到位");
        Assert.Throws<ConflictException>(() => second.Progress(item.Id, "已制定方案"));

        Assert.Equal(RectificationStatus.Done, second.Items.Single().Status);
        Assert.Single(a.Get<RectificationService>().ProgressOf(item.Id));
    }

    [Fact]
    public void A_stage_gate_refusal_stays_on_the_campaign_screen_with_its_article()
    {
        using var h = new ConsoleHarness();
        County.Load(h.Core.Services);
        var id = County.InSession(h.Core.Services);
        h.Press(Key.F5, Key.Enter);
        Assert.IsType<CampaignScreen>(h.Shell.Current);
        Assert.Contains("[述职评议会]", h.Text);

        h.Press(new Key('n'));

        Assert.Contains("第五条", h.Text);
        Assert.Contains("不能进入下一阶段", h.Shell.Message);
        Assert.StartsWith("第五条：", ((CampaignScreen)h.Shell.Current).Model.Refusal);
        Assert.Equal(CampaignStage.Session, h.Core.Get<CampaignService>().Get(id).Stage);
    }

    [Fact]
    public void Removing_from_the_roster_asks_a_reason_and_a_confirmation()
    {
        using var h = new ConsoleHarness(120, 40);
        var codes = County.Load(h.Core.Services);
        var id = County.InPlan(h.Core.Services);
        h.Press(Key.F5, Key.Enter);
        var screen = (CampaignScreen)h.Shell.Current;
        var first = screen.Model.Roster[0].Entry.OrgCode;

        // The reason, then the confirmation: Enter alone cancels it.
        RemoveFirst(h, Key.Enter);
        Assert.Equal(15, screen.Model.Roster.Count);

        var asked = RemoveFirst(h, Key.CursorLeft, Key.Enter);

        Assert.Contains("确定将", asked);
        Assert.Equal(14, screen.Model.Roster.Count);
        Assert.DoesNotContain(first, h.Core.Get<CampaignService>().Assessees(id).Select(a => a.Entry.OrgCode));
        Assert.Contains("已移出：撤并中", h.Text);
        Assert.Equal(codes.Count, screen.Model.RosterLines.Count);
    }

    /// <summary>Del on the roster: types the reason, then answers the confirmation with <paramref name="answer"/>; returns the question.</summary>
    private static string RemoveFirst(ConsoleHarness h, params Key[] answer)
    {
        var asked = "";
        void Confirm(object? s, EventArgs e)
        {
            if (h.App.TopRunnableView is not Terminal.Gui.Views.Dialog { Title: "请确认" }) return;
            h.App.Iteration -= Confirm;
            asked = h.App.Driver!.ToString()!;
            foreach (var k in answer) h.App.InjectKey(k);
        }
        h.InDialog(Key.Delete, () =>
        {
            h.Type("撤并中");
            h.App.Iteration += Confirm;
            h.Press(Key.Enter);
        });
        h.App.Iteration -= Confirm;
        return asked;
    }

    [Fact]
    public void Every_campaign_screen_lists_in_help_every_key_it_handles()
    {
        using var h = new ConsoleHarness(120, 40);
        County.Load(h.Core.Services);
        County.InSession(h.Core.Services);
        h.Press(Key.F5, Key.Enter);
        foreach (var key in new[] { 'b', 'g', 'i', 's', 'r', '\0' })
        {
            if (key != '\0') h.Press(new Key(key));
            var screen = h.InDialog(new Key('?'), Key.Esc);
            Assert.Contains($"帮助 — {h.Shell.Current.ScreenTitle}", screen);
            var keys = h.Shell.Current.Keys.Entries.Concat(h.Shell.ShellKeys.Entries).ToList();
            var lines = HelpText.For(h.Shell.Current, h.Shell.ShellKeys).Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
            Assert.Equal(keys.Count, lines.Count);
            foreach (var k in keys) Assert.Contains(TextWidth.PadRight(k.Label, 14) + k.Action, string.Join("\n", lines));
            if (key != '\0') h.Press(Key.Esc);
        }
        Assert.IsType<CampaignScreen>(h.Shell.Current);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public void Every_campaign_screen_is_framed_with_CJK_columns_aligned(int width, int height)
    {
        using var h = new ConsoleHarness(width, height);
        County.Load(h.Core.Services);
        County.InSession(h.Core.Services);
        h.Press(Key.F5);
        RenderTests.AssertFramed(h.Rows, width, height);
        h.Press(Key.Enter);
        RenderTests.AssertFramed(h.Rows, width, height);
        foreach (var key in "bgisr")
        {
            h.Press(new Key(key));
            RenderTests.AssertFramed(h.Rows, width, height);
            h.Press(Key.Esc);
        }
    }

    [Fact]
    public void A_whole_county_campaign_runs_from_plan_to_approval_through_the_console_view_models()
    {
        using var core = new CoreHarness();
        County.Load(core.Services);
        var s = core.Services;
        var home = ActivatorUtilities.CreateInstance<ShuzhiKaohe.Tui.Home.HomeViewModel>(s);
        Assert.Throws<RuleViolationException>(() => home.CreateCampaign(County.Code, "2018", "0.3")); // 第十条
        var id = home.CreateCampaign(County.Code, County.Year.ToString(), "0.3").Id;
        Assert.Contains(home.Campaigns, c => c.Campaign.Id == id);
        s.Get<ShuzhiKaohe.Core.Debriefing.SessionService>().Record(id, "区委常委会扩大会议", new DateOnly(County.Year + 1, 1, 15));

        var campaign = Model<CampaignViewModel>(s, id);
        campaign.Load();
        Assert.Throws<RuleViolationException>(() => campaign.AddFocus("年度开会发文数量", "发文数量", 10m));
        campaign.AddFocus("党建引领基层治理", "走访群众察看网格服务实效", 10m);
        Assert.NotNull(campaign.Advance());
        Assert.Equal(CampaignStage.Inspection, campaign.Campaign.Stage);

        var inspection = Model<InspectionViewModel>(s, id);
        inspection.Load();
        var refused = Assert.Throws<RuleViolationException>(() => inspection.Record(inspection.Assessees[0].Entry.OrgCode, "std.1", "90", "briefing,records", null));
        Assert.Equal("第六条", refused.Article);
        Assert.StartsWith("第六条", inspection.Refusal);
        foreach (var a in inspection.Assessees)
            inspection.Record(a.Entry.OrgCode, "std.1", "85", "site,interview", "走访党员群众");
        Assert.NotNull(campaign.Advance());

        var session = Model<SessionViewModel>(s, id);
        session.Load();
        Assert.Null(campaign.Advance());
        Assert.StartsWith("第五条", campaign.Refusal);
        Assert.Throws<InvalidInputException>(() => session.RecordMeeting("区委常委会扩大会议", "2024/1/16", ""));
        session.RecordMeeting("区委常委会扩大会议", "2024-01-16", "党代表=5,人大代表=3,基层党员干部群众代表=12");
        Assert.StartsWith("区委常委会扩大会议　2024-01-16", session.MeetingLine);
        session.WrittenDebrief(session.Reporters[^1].Entry.OrgCode, "援疆挂职，不能到会");
        foreach (var a in session.Reporters)
        {
            session.Debrief(a.Entry.OrgCode, "成效", "服务群众能力不足", "责任压得不实", "开展整顿");
            session.Comment(a.Entry.OrgCode, "整改不彻底", "抓好整改");
        }
        var first = session.Reporters[0].Entry.OrgCode;
        session.Comment(first, "班子成员：基础工作薄弱", "", "member");
        Assert.Throws<InvalidInputException>(() => session.Comment(first, "问题", "", "boss"));
        var report = Path.Combine(Path.GetTempPath(), $"shuzhi-report-{Guid.NewGuid():N}.md");
        File.WriteAllText(report, "## 工作成效\n党群服务中心全面开放。\n## 突出问题\n服务能力不足。\n## 根源\n责任压得不实。\n## 措施\n开展整顿。\n");
        try { session.DebriefFromFile(first, report); }
        finally { File.Delete(report); }
        Assert.Equal("服务能力不足。", session.Parts(0)[1].Text);
        var ballots = Model<BallotEntryViewModel>(s, id);
        ballots.Load();
        ballots.Issue(20);
        for (var sheet = 0; sheet < 18; sheet++)
        {
            foreach (var i in Enumerable.Range(0, ballots.Reporters.Count)) ballots.Key((char)('1' + (sheet + i) % 3));
            ballots.Save();
        }
        Assert.NotNull(campaign.Advance());
        Assert.Equal(CampaignStage.Evaluation, campaign.Campaign.Stage);

        var grading = Model<GradingViewModel>(s, id);
        grading.Load();
        Assert.False(grading.CanApprove);
        Assert.Throws<InvalidInputException>(() => grading.Observe(grading.Lines[0].OrgCode, "很好", ""));
        grading.Observe(grading.Lines[0].OrgCode, "92", "平时调研：群众口碑好");
        grading.Propose();
        foreach (var line in grading.Lines) grading.SetGrade(line.OrgCode, Grade.Good, "党委研究意见");
        Assert.Contains("还须 5 人", grading.ApprovalBlocked);
        foreach (var line in grading.Lines.Take(4)) grading.SetGrade(line.OrgCode, Grade.FairlyGood, "党委研究意见");
        grading.SetGrade(grading.Lines[4].OrgCode, Grade.Average, "群众反映问题较多");
        Assert.True(grading.CanApprove);
        var approved = grading.Approve("区委常委会");
        Assert.Equal(CampaignStage.Approved, approved.Campaign.Stage);

        var board = new RectificationViewModel(id, s.Get<RectificationService>(), s.Get<ShuzhiKaohe.Core.Organisations.OrganisationDirectory>());
        board.Load();
        var item = Assert.Single(board.Items);
        Assert.Equal(grading.Lines[4].OrgCode, item.OrgCode);
        Assert.Equal(RectificationStatus.InProgress, board.Progress(item.Id, "已制定整改方案").Status);

        // After approval: a grade changes only by a new decision; follow-ups, publication, more items and a referral.
        Assert.True(grading.IsApproved);
        Assert.Throws<RuleViolationException>(() => grading.SetGrade(grading.Lines[6].OrgCode, Grade.Poor, "改"));
        grading.Revise(grading.Lines[6].OrgCode, Grade.Average, "核实群众反映问题属实", "区委常委会 2026-03-01 决定");
        Assert.Equal(Grade.Average, grading.Lines[6].Grade?.Grade);
        grading.FollowUp(FollowUpKind.Feedback, grading.Lines[0].OrgCode, "", "区委书记");
        grading.FollowUp(FollowUpKind.Archive, grading.Lines[0].OrgCode, "", "区委组织部干部科");
        Assert.Contains("全区党员干部", session.Publish("全区党员干部"));
        board.Load();
        Assert.Equal(2, board.Items.Count); // the revision to 一般 brought its own 第七条 item
        Assert.Throws<InvalidInputException>(() => board.Add(grading.Lines[7].OrgCode, "rumour", "问题", "2026-06-30", "", ""));
        var added = board.Add(grading.Lines[7].OrgCode, "inspection_tour", "巡察反馈：党员发展不规范", "2026-06-30", "规范发展程序", "组织委员");
        Assert.Equal(3, board.Items.Count);
        Assert.NotNull(board.Refer(added.Id, "问题严重，移交纪委监委").Referral);
        Assert.NotEqual(RectificationStatus.Done, board.Items.Single(i => i.Id == added.Id).Status);
    }
}
