using System.Globalization;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Bundles;

/// <summary>
/// The keys of the bundles a level reports upward (第八条): this organisation's own signing key (create, export the
/// public half) and the public keys of lower organisations registered once at the level above (trust). Creating and
/// trusting need the organisation's administrator or organiser (CampaignManage over it); exporting the public key
/// needs ReportExport. Every write is audited; the private key never appears in the trail.
/// </summary>
public sealed class SigningKeyService(Database database, OrganisationDirectory organisations, Authorizer auth, AuditTrail audit, OperatorContext who)
{
    /// <summary>Creates the organisation's signing key; with <paramref name="replace"/> the key in use is retired first.</summary>
    public Warned<SigningKeyInfo> Create(string orgCode, bool replace = false)
    {
        var org = organisations.Get(orgCode);
        auth.Require(Permission.CampaignManage, org.Code);
        using var key = BundleKeys.NewKey();
        var publicKey = key.ExportSubjectPublicKeyInfo();
        var privateKey = key.ExportPkcs8PrivateKey();
        var fingerprint = BundleKeys.Fingerprint(publicKey);
        using var c = database.Open();
        using var tx = c.BeginWrite();
        var warnings = new List<string>();
        if (BundleStore.KeyInUse(c, tx, org.Code) is { } existing)
        {
            if (!replace)
                throw new InvalidInputException(
                    $"{org.Code} {org.Name} 已有签名密钥（指纹 {existing.Info.Fingerprint}）。如确需更换，用 --replace：旧密钥停用，须把新公钥重新交上一级党组织登记（key trust）");
            var before = audit.State(c, tx, "signing_key", Key(existing.Info.Id));
            BundleStore.RetireKey(c, tx, existing.Info.Id, who.Name);
            audit.RecordChange(c, tx, "retire", "signing_key", Key(existing.Info.Id), org.Code, before, $"停用签名密钥 {existing.Info.Fingerprint}");
            warnings.Add($"旧密钥 {existing.Info.Fingerprint} 已停用：请把新公钥（key export）交上一级党组织重新登记，否则新数据包将被拒收");
        }
        var id = BundleStore.InsertKey(c, tx, org.Code, fingerprint, publicKey, privateKey, who.Name);
        audit.RecordChange(c, tx, "create", "signing_key", Key(id), org.Code, null, $"第八条：创建数据包签名密钥 {fingerprint}");
        var saved = BundleStore.KeyInUse(c, tx, org.Code)!.Value.Info;
        tx.Commit();
        return new Warned<SigningKeyInfo>(saved, warnings);
    }

    /// <summary>The public half of the organisation's key in use, in its portable text form.</summary>
    public PublicKeyText Export(string orgCode)
    {
        var org = organisations.Get(orgCode);
        auth.Require(Permission.ReportExport, org.Code);
        using var c = database.Open();
        var key = BundleStore.KeyInUse(c, null, org.Code)
                  ?? throw new NotFoundException($"{org.Code} {org.Name} 还没有签名密钥：先由管理员或组织者运行 shuzhi key create --org {org.Code}");
        return new PublicKeyText(org.Code, org.Name, key.Info.Fingerprint, BundleKeys.ToText(org.Code, org.Name, key.PublicKey));
    }

    /// <summary>
    /// Registers a lower organisation's public key at this level (from the text <c>key export</c> wrote). With
    /// <paramref name="expectedFingerprint"/> (read out by the sender over another channel) a different key is refused.
    /// Registering the same key again changes nothing.
    /// </summary>
    public Warned<TrustedKey> Trust(string orgCode, string keyText, string where, string? expectedFingerprint = null)
    {
        var org = organisations.Get(orgCode);
        auth.Require(Permission.CampaignManage, org.Code);
        var (publicKey, fingerprint) = BundleKeys.ReadPublicKey(keyText, where);
        if (expectedFingerprint is not null && BundleKeys.NormaliseFingerprint(expectedFingerprint) != fingerprint)
            throw new InvalidInputException($"{where} 中公钥的指纹为 {fingerprint}，与 --fingerprint 给出的 {expectedFingerprint.Trim()} 不符：请向 {org.Code} {org.Name} 核实，未登记");
        var claimed = keyText.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# 组织：", StringComparison.Ordinal));
        if (claimed is not null && claimed["# 组织：".Length..].Split(' ')[0] is var code && code != org.Code)
            throw new InvalidInputException($"{where} 是 {code} 的公钥，不是 {org.Code} 的：未登记");
        using var c = database.Open();
        using var tx = c.BeginWrite();
        if (BundleStore.Trusted(c, tx, org.Code).FirstOrDefault(t => t.Fingerprint == fingerprint) is { } already)
            return new Warned<TrustedKey>(already, [$"{org.Code} 的公钥 {fingerprint} 已于 {already.TrustedAt} 由 {already.TrustedBy} 登记，未重复登记"]);
        if (BundleStore.TrustedByFingerprint(c, tx, fingerprint) is { } other)
            throw new InvalidInputException($"公钥 {fingerprint} 已登记为 {other.Key.OrgCode} 的公钥，不能再登记给 {org.Code}");
        var warnings = new List<string>();
        if (BundleStore.KeyInUse(c, tx, org.Code) is { } own && own.Info.Fingerprint == fingerprint)
            warnings.Add($"这是本库自己的签名公钥（{org.Code}）：通常应在上一级党组织的数据库中登记");
        var id = BundleStore.InsertTrusted(c, tx, org.Code, fingerprint, publicKey, who.Name);
        audit.RecordChange(c, tx, "trust", "trusted_key", Key(id), org.Code, null, $"第八条：登记 {org.Code} {org.Name} 的数据包签名公钥 {fingerprint}");
        var saved = BundleStore.Trusted(c, tx, org.Code).Single(t => t.Id == id);
        tx.Commit();
        return new Warned<TrustedKey>(saved, warnings);
    }

    /// <summary>This database's signing keys and the trusted keys of organisations the operator may see.</summary>
    public (IReadOnlyList<SigningKeyInfo> Own, IReadOnlyList<TrustedKey> Trusted) List()
    {
        using var c = database.Open();
        return (BundleStore.Keys(c).Where(k => auth.Can(Permission.CampaignRead, k.OrgCode)).ToList(),
            BundleStore.Trusted(c, null, null).Where(k => auth.Can(Permission.CampaignRead, k.OrgCode)).ToList());
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}
