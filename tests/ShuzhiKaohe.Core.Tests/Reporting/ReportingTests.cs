using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Reporting;
using ShuzhiKaohe.Core.Tests.Campaigns;

namespace ShuzhiKaohe.Core.Tests.Reporting;

public sealed class ReportingTests : IDisposable
{
    private readonly Jiangan _j = new();

    public void Dispose() => _j.Dispose();

    private ReportingService Reporting => _j.Core.Get<ReportingService>();

    [Fact]
    public void Coverage_names_the_subordinates_no_campaign_of_the_year_assessed()
    {
        var id = _j.NewCampaign();
        _j.Campaigns.RemoveFromRoster(id, Jiangan.Yiyuan, "撤并中");
        var summary = Reporting.Summary(id);
        Assert.Equal(16, summary.Assessed);
        Assert.Equal(Jiangan.Yiyuan, Assert.Single(summary.NotAssessed).Code);
        Assert.True(summary.Coverage < 1);
    }

    [Fact]
    public void Reports_are_published_only_after_the_session_with_their_scope()
    {
        var id = _j.InSession();
        Assert.Throws<InvalidInputException>(() => Reporting.Publish(id, "全区党员干部"));
        _j.CompleteSession(id);
        _j.Campaigns.Advance(id);
        var p = Reporting.Publish(id, "全区党员干部");
        Assert.Equal("全区党员干部", Assert.Single(Reporting.Summary(id).Publications).Scope);
        Assert.Equal("tester", p.PublishedBy);
    }
}
