using ShuzhiKaohe.Core.Bundles;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Tests.Campaigns;

namespace ShuzhiKaohe.Core.Tests.Bundles;

/// <summary>Keys and bundles through Core's services, on two real databases (第八条).</summary>
public sealed class BundleServiceTests : IDisposable
{
    private readonly Jiangan _county = new();
    private readonly Jiangan _city = new("city-admin");

    public void Dispose()
    {
        _county.Dispose();
        _city.Dispose();
    }

    private (string Bundle, string KeyText) Exported()
    {
        var id = _county.NewCampaign();
        _county.Core.Get<SigningKeyService>().Create(Jiangan.County);
        var file = Path.Combine(Path.GetDirectoryName(_county.Core.DatabasePath)!, "b.bundle");
        var export = _county.Core.Get<BundleService>().Export(id, file);
        Assert.Contains(export.Warnings, w => w.Contains("尚未经党委（党组）研究批准"));
        return (file, _county.Core.Get<SigningKeyService>().Export(Jiangan.County).Text);
    }

    private long Received() => _city.Scalar("SELECT count(*) FROM received_bundle");

    [Fact]
    public void A_refused_import_writes_nothing_and_a_trusted_one_is_stored_once()
    {
        var (bundle, keyText) = Exported();
        var import = _city.Core.Get<BundleService>();
        var audit = _city.Scalar("SELECT count(*) FROM audit_entry");
        Assert.Equal("第八条", Assert.Throws<RuleViolationException>(() => import.Import(bundle)).Article);
        Assert.Equal((0L, audit), (Received(), _city.Scalar("SELECT count(*) FROM audit_entry")));

        _city.Core.Get<SigningKeyService>().Trust(Jiangan.County, keyText, "k.pem");
        var first = import.Import(bundle).Value;
        var second = import.Import(bundle);
        Assert.Equal(first.Id, second.Value.Id);
        Assert.Contains(second.Warnings, w => w.Contains("未重复导入"));
        Assert.Equal(1L, Received());
        Assert.Equal(17, import.Show(first.Id).Payload.Roster.Count);
    }

    [Fact]
    public void A_key_registered_for_one_organisation_is_not_registered_again_for_another()
    {
        var (_, keyText) = Exported();
        var keys = _city.Core.Get<SigningKeyService>();
        keys.Trust(Jiangan.County, keyText, "k.pem");
        Assert.Contains("是 420102 的公钥", Assert.Throws<InvalidInputException>(() => keys.Trust(Jiangan.Dazhi, keyText, "k.pem")).Message);
        Assert.Throws<InvalidInputException>(() => keys.Trust(Jiangan.County, keyText, "k.pem", expectedFingerprint: "SHA256:00"));
        Assert.Single(keys.List().Trusted);
    }

    [Fact]
    public void Creating_or_trusting_a_key_needs_the_administrator_or_organiser_of_the_organisation()
    {
        var admin = _county.Core.Get<OperatorAdmin>();
        admin.Add("reader");
        admin.Grant("reader", "reader", Jiangan.County, null);
        admin.Add("street");
        admin.Grant("street", "organiser", Jiangan.Dazhi, null);
        using var reader = new ShuzhiKaohe.Testing.CoreHarness(_county.Core.DatabasePath, operatorName: "reader");
        using var street = new ShuzhiKaohe.Testing.CoreHarness(_county.Core.DatabasePath, operatorName: "street");
        Assert.Throws<NotPermittedException>(() => reader.Get<SigningKeyService>().Create(Jiangan.County));
        Assert.Throws<NotPermittedException>(() => street.Get<SigningKeyService>().Create(Jiangan.County));
        street.Get<SigningKeyService>().Create(Jiangan.Dazhi);
        Assert.Throws<NotPermittedException>(() => street.Get<SigningKeyService>().Trust(Jiangan.Yiyuan, "x", "k.pem"));
        Assert.Equal(Jiangan.Dazhi, reader.Get<SigningKeyService>().Export(Jiangan.Dazhi).OrgCode);
        Assert.Equal(1L, _county.Scalar("SELECT count(*) FROM signing_key"));
        Assert.Equal(0L, _county.Scalar("SELECT count(*) FROM audit_entry WHERE entity = 'signing_key' AND summary LIKE '%private_key%'"));
    }

    [Fact]
    public void The_superior_circulates_progress_with_the_counts_as_they_stood()
    {
        var id = _county.NewCampaign();
        var rect = _county.Core.Get<RectificationService>();
        rect.Add(Jiangan.Dazhi, RectificationSource.InspectionTour, "巡察反馈：书记队伍老化", new DateOnly(2024, 1, 31), id);
        var c = rect.Circulate(id, "全区各街道党工委", today: new DateOnly(2024, 3, 1));
        Assert.Equal((1, 1, 1), (c.Value.Items, c.Value.Open, c.Value.Overdue));
        Assert.Equal("tester", Assert.Single(rect.Circulations(id)).CirculatedBy);
        Assert.Contains(rect.Circulate(id, null).Warnings, w => w.Contains("--scope"));
    }
}
