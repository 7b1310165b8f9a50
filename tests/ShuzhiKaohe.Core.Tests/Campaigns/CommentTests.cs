using ShuzhiKaohe.Core.Comments;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Tests.Campaigns;

public sealed class CommentTests : IDisposable
{
    private readonly Jiangan _j = new();

    public void Dispose() => _j.Dispose();

    [Fact]
    public void A_comment_without_problems_is_accepted_and_flagged_citing_article_5()
    {
        var r = _j.Comments.Add(_j.InSession(), Jiangan.Dazhi, CommentBy.Superior, null, "继续保持");
        Assert.Contains("no_problems", r.Value.Flags);
        Assert.Contains(r.Warnings, w => w.StartsWith("第五条") && w.Contains("没有指出存在的问题"));
    }

    [Fact]
    public void Each_problem_of_a_comment_is_its_own_item()
    {
        var k = _j.Comments.Add(_j.InSession(), Jiangan.Dazhi, CommentBy.Superior, "1. 党建与业务两张皮；2. 社区书记队伍老化", "抓融合").Value;
        Assert.Equal(["党建与业务两张皮", "社区书记队伍老化"], k.ProblemItems.Select(p => p.Text).ToList());
        Assert.Empty(k.Flags);
    }

    [Fact]
    public void Members_and_officials_from_above_comment_too_collectively_if_chosen()
    {
        var id = _j.InSession();
        _j.Comments.Add(id, Jiangan.Dazhi, CommentBy.Member, "分管领域问题", "方向", CommentMode.Collective, "区委副书记");
        var higher = _j.Comments.Add(id, Jiangan.Dazhi, CommentBy.Higher, "问题", "方向");
        Assert.Contains(higher.Warnings, w => w.StartsWith("第八条"));
        Assert.Equal(2, _j.Comments.List(id, Jiangan.Dazhi).Count);
    }

    [Fact]
    public void An_empty_comment_is_refused() =>
        Assert.Throws<InvalidInputException>(() => _j.Comments.Add(_j.InSession(), Jiangan.Dazhi, CommentBy.Superior, " ", null));

    [Fact]
    public void Comments_are_keyed_during_the_session_only() =>
        Assert.Throws<InvalidInputException>(() => _j.Comments.Add(_j.NewCampaign(), Jiangan.Dazhi, CommentBy.Superior, "问题", "方向"));

    [Fact]
    public void A_comment_on_an_organisation_off_the_roster_is_not_found() =>
        Assert.Throws<NotFoundException>(() => _j.Comments.Add(_j.InSession(), "420103", CommentBy.Superior, "问题", "方向"));
}
