using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Security;

/// <summary>Issue 9 over the campaign services: a county's operators reach their own county's campaign only, by role.</summary>
public sealed class CampaignScopeTests : IDisposable
{
    private readonly TempDir _dir = new("campaign-scope");
    private readonly List<CoreHarness> _harnesses = [];
    private readonly long _own;
    private readonly long _sibling;

    public CampaignScopeTests()
    {
        var admin = As("admin");
        admin.Get<Database>().EnsureReady();
        using (var c = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                INSERT INTO organisation(code, name, parent_code, sector, level) VALUES
                  ('42', '湖北省', NULL, 'localities', 1), ('4201', '武汉市', '42', 'localities', 2),
                  ('420102', '江岸区', '4201', 'localities', 3), ('420103', '江汉区', '4201', 'localities', 3),
                  ('420102001', '大智街道', '420102', 'localities', 4), ('420103001', '民族街道', '420103', 'localities', 4);
                """;
            cmd.ExecuteNonQuery();
        }
        var campaigns = admin.Get<CampaignService>();
        _own = campaigns.Create("420102", 2025).Value.Campaign.Id;
        _sibling = campaigns.Create("420103", 2025).Value.Campaign.Id;
        var ops = admin.Get<OperatorAdmin>();
        foreach (var (name, role) in new[] { ("organiser", "organiser"), ("reader", "reader"), ("clerk", "clerk") })
        {
            ops.Add(name);
            ops.Grant(name, role, "420102", null);
        }
    }

    private string Db => _dir.File("c.db");

    private CoreHarness As(string name)
    {
        var h = new CoreHarness(Db, operatorName: name);
        _harnesses.Add(h);
        return h;
    }

    [Fact]
    public void A_county_organiser_manages_its_own_campaign_and_cannot_see_the_neighbours()
    {
        var campaigns = As("organiser").Get<CampaignService>();
        Assert.Equal(_own, campaigns.Show(_own).Campaign.Id);
        Assert.Equal([_own], campaigns.List().Select(c => c.Id));
        Assert.Throws<NotPermittedException>(() => campaigns.Show(_sibling));
        Assert.Throws<NotPermittedException>(() => campaigns.Advance(_sibling));
        Assert.Throws<NotPermittedException>(() => campaigns.Create("420103", 2026));
        Assert.Throws<NotPermittedException>(() => As("organiser").Get<BallotService>().Tally(_sibling));
    }

    [Fact]
    public void A_reader_reads_but_never_changes()
    {
        var reader = As("reader");
        Assert.NotNull(reader.Get<CampaignService>().Show(_own));
        Assert.Throws<NotPermittedException>(() => reader.Get<CampaignService>().Advance(_own));
        Assert.Throws<NotPermittedException>(() => reader.Get<BallotService>().Issue(_own, 10));
    }

    [Fact]
    public void A_clerk_keys_ballots_but_does_not_see_the_running_tally()
    {
        var clerk = As("clerk");
        Assert.Throws<NotPermittedException>(() => clerk.Get<BallotService>().Tally(_own));
        Assert.Throws<NotPermittedException>(() => clerk.Get<CampaignService>().Advance(_own));
        // Refusals are audited.
        using var c = new SqliteConnection($"Data Source={Db};Pooling=False;Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM audit_entry WHERE operator = 'clerk'";
        Assert.True(Convert.ToInt64(cmd.ExecuteScalar()) >= 2);
    }

    public void Dispose()
    {
        foreach (var h in _harnesses) h.Dispose();
        _dir.Dispose();
    }
}
