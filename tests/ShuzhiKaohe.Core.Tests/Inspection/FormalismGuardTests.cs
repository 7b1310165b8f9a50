using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Inspection;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Inspection;

/// <summary>第六条: "不以开会发文、领导批示、记录留痕、信息宣传数量等评判工作好坏" — what is counted, not which words appear.</summary>
public sealed class FormalismGuardTests : IDisposable
{
    private readonly CoreHarness _core = new();
    private FormalismGuard Guard => _core.Get<FormalismGuard>();

    [Theory]
    [InlineData("召开会议次数", "meeting-count")]
    [InlineData("全年召开党委会议不少于12次", "meeting-count")]
    [InlineData("组织开展3次专题学习会", "meeting-count")]
    [InlineData("三会一课召开次数", "meeting-count")]
    [InlineData("印发文件数量", "document-count")]
    [InlineData("全年下发 5 份制度文件", "document-count")]
    [InlineData("获得领导肯定性批示", "instruction-count")]
    [InlineData("领导批示次数", "instruction-count")]
    [InlineData("台账资料是否齐全", "record-keeping")]
    [InlineData("工作记录页数", "record-keeping")]
    [InlineData("做到全程留痕", "record-keeping")]
    [InlineData("上报信息篇数", "publicity-count")]
    [InlineData("被上级刊物采用简报１０篇", "publicity-count")]
    [InlineData("宣传报道数量", "publicity-count")]
    public void Indicators_that_count_meetings_documents_instructions_records_or_publicity_are_found(string text, string rule)
    {
        var f = Guard.Check(text);
        Assert.NotNull(f);
        Assert.Equal(rule, f.RuleId);
        Assert.False(string.IsNullOrEmpty(f.Matched));
    }

    [Theory]
    [InlineData("群众对会议决定落实情况的满意度")]
    [InlineData("认真落实习近平总书记重要指示批示精神")]
    [InlineData("村党组织带领群众增收致富的实际成效")]
    [InlineData("信息化建设服务群众的实际效果")]
    [InlineData("政策宣传是否让群众真正知晓并得到实惠")]
    [InlineData("文件精神在基层落地的实际结果")]
    [InlineData("会议质量和解决问题的实效")]
    public void Indicators_that_judge_results_pass(string text) => Assert.Null(Guard.Check(text));

    [Fact]
    public void Quoting_the_article_or_telling_inspectors_what_not_to_count_passes()
    {
        Assert.Null(Guard.Check("不以开会发文、领导批示、记录留痕、信息宣传数量等评判工作好坏"));
        Assert.Null(Guard.Check("到村里看实事，不看台账是否齐全"));
    }

    [Fact]
    public void A_disclaimer_undone_by_a_later_reassertion_does_not_excuse_the_count()
    {
        Assert.NotNull(Guard.Check("不以群众评价而以召开会议次数评判"));
    }

    [Fact]
    public void A_count_in_another_clause_than_the_disclaimer_is_still_found()
    {
        Assert.NotNull(Guard.Check("不以材料论英雄；考核召开会议次数"));
    }

    [Fact]
    public void Ensure_refuses_with_the_article_the_rule_and_what_was_matched()
    {
        var e = Assert.Throws<RuleViolationException>(() => Guard.Ensure("召开会议次数", "指标“召开会议次数”"));
        Assert.Equal("第六条", e.Article);
        Assert.StartsWith("第六条：指标“召开会议次数”以开会", e.Message);
        Assert.Contains("meeting-count", e.Message);
        Assert.Contains("不以开会发文、领导批示、记录留痕、信息宣传数量等评判工作好坏", e.Message);
    }

    [Fact]
    public void Ensure_lets_a_good_indicator_through() => Guard.Ensure("群众对会议决定落实情况的满意度", "指标");

    [Fact]
    public void A_sector_adds_its_rules_to_the_core_ones_for_that_sector_only()
    {
        Assert.Null(Guard.Check("村级挂牌数量"));
        Assert.Equal("loc.plaques", Guard.Check("村级挂牌数量", "localities")?.RuleId);
        Assert.Null(Guard.Check("村级挂牌数量", "hospitals"));
        // The core rules still apply under a sector.
        Assert.Equal("meeting-count", Guard.Check("召开会议次数", "localities")?.RuleId);
    }

    [Fact]
    public void Every_sector_keeps_all_core_rules()
    {
        foreach (var key in _core.Get<ShuzhiKaohe.Core.Plugins.SectorRegistry>().Keys)
            Assert.Superset(CoreFormalismRules.All.Select(r => r.Id).ToHashSet(), Guard.RulesFor(key).Select(r => r.Id).ToHashSet());
    }

    [Fact]
    public void An_unknown_sector_is_not_found() => Assert.Throws<NotFoundException>(() => Guard.Check("任何文本", "nosuch"));

    public void Dispose() => _core.Dispose();
}
