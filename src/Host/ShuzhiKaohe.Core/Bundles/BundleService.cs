using System.Globalization;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Comments;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Core.Reporting;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Bundles;

/// <summary>What an export wrote.</summary>
public sealed record BundleExport(long CampaignId, string OrganiserCode, string Path, string KeyFingerprint, string PayloadSha256, long Bytes);

/// <summary>A received bundle with its verified payload.</summary>
public sealed record ReceivedBundleView(ReceivedBundle Bundle, BundlePayload Payload, string PayloadText);

/// <summary>
/// 第八条 "各级党委（党组）开展述职评议考核情况，应及时向上一级党组织报告": a campaign leaves as one signed file
/// (<see cref="BundleFile"/>, docs/bundles.md) and enters the level above's own database, on another server, only
/// when its signature verifies against a key that database trusts for the sending organisation. A refused bundle
/// writes nothing. Received bundles are stored as received and read-only (triggers in 0034_bundles.sql).
/// </summary>
public sealed class BundleService(Database database, CampaignService campaigns, BallotService ballots, RectificationService rectification,
    Authorizer auth, AuditTrail audit, OperatorContext who)
{
    /// <summary>Writes the campaign's bundle to <paramref name="outPath"/> (owner-only), signed with the organiser's key.</summary>
    public Warned<BundleExport> Export(long campaignId, string outPath)
    {
        var view = campaigns.Show(campaignId);
        var campaign = view.Campaign;
        auth.Require(Permission.ReportExport, campaign.OrganiserCode);
        var warnings = new List<string>();
        var tally = ballots.Tally(campaignId);
        warnings.AddRange(tally.Warnings);
        var carried = rectification.CarriedInto(campaignId);
        if (campaign.Stage is not (CampaignStage.Approved or CampaignStage.Closed))
            warnings.Add($"考核 {campaignId} 尚未经党委（党组）研究批准（阶段 {campaign.Stage.Key()}）：数据包中的等次不是最终结果");

        using var c = database.Open();
        var key = BundleStore.KeyInUse(c, null, campaign.OrganiserCode)
                  ?? throw new RuleViolationException("第八条",
                      $"{campaign.OrganiserCode} {campaign.OrganiserName} 还没有签名密钥，不能导出数据包：先运行 shuzhi key create --org {campaign.OrganiserCode}，再把 key export 导出的公钥交上一级党组织登记");
        var payload = Payload(c, view, tally.Value, carried, key.Info.Fingerprint);
        using var signer = BundleKeys.NewKey();
        signer.ImportPkcs8PrivateKey(key.PrivateKey, out _);
        var payloadBytes = BundleJson.Serialize(payload);
        var file = BundleFile.Sign(payloadBytes, signer);
        var parts = BundleFile.Parse(file, outPath);

        var full = Path.GetFullPath(outPath);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new InvalidInputException($"输出文件夹不存在：{folder}");
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var s = new FileStream(temp, options)) s.Write(file);
            using var tx = c.BeginWrite();
            audit.Note(c, tx, "export", "bundle", campaignId.ToString(CultureInfo.InvariantCulture), campaign.OrganiserCode,
                $"第八条：导出向上一级党组织报告的数据包（{Path.GetFileName(full)}，内容 SHA-256 {parts.PayloadSha256}，签名公钥 {key.Info.Fingerprint}）");
            File.Move(temp, full, overwrite: true);
            tx.Commit();
        }
        catch (IOException e)
        {
            throw new InvalidInputException($"无法写出数据包 {full}：{e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidInputException($"无权写出数据包 {full}：{e.Message}", e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return new Warned<BundleExport>(new BundleExport(campaignId, campaign.OrganiserCode, full, key.Info.Fingerprint, parts.PayloadSha256, file.Length), warnings);
    }

    /// <summary>
    /// Verifies and stores a bundle from below. Refused (第八条, exit 1, nothing written): not a bundle, unsigned, signed
    /// by a key this database does not trust for the sender, or changed after signing. The same bundle again is not
    /// stored twice (the existing record is returned with a warning).
    /// </summary>
    public Warned<ReceivedBundle> Import(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new NotFoundException($"文件不存在：{full}");
        var name = Path.GetFileName(full);
        var bytes = File.ReadAllBytes(full);
        var parts = BundleFile.Parse(bytes, name);
        var (claimedCode, claimedName) = BundleJson.ClaimedSender(parts.Payload);
        var claimed = claimedCode is null ? "发送单位" : $"{claimedCode} {claimedName}".Trim();

        (TrustedKey Key, byte[] PublicKey) trusted;
        using (var r = database.Open())
        {
            trusted = BundleStore.TrustedByFingerprint(r, null, parts.Fingerprint) ?? throw Untrusted(r, name, claimedCode, claimed, parts.Fingerprint);
        }
        auth.Require(Permission.CampaignManage, trusted.Key.OrgCode);
        if (!BundleFile.Verify(parts, trusted.PublicKey))
            throw new RuleViolationException("第八条",
                $"{name} 的签名与内容不符：数据包在签名后被改动过，或签名已损坏，拒绝导入（签名公钥 {parts.Fingerprint}，登记给 {trusted.Key.OrgCode}）。请向 {claimed} 重新索取数据包");
        var payload = BundleJson.Deserialize(parts.Payload, out var problem)
                      ?? throw new RuleViolationException("第八条", $"{name} 签名有效，但内容不是本程序能读的数据包（{problem}）：请用相同版本的程序导出");
        if (payload.Format != BundleFile.Format)
            throw new RuleViolationException("第八条", $"{name} 的内容格式为 {payload.Format}，本程序只读 {BundleFile.Format}");
        if (payload.Sender.Code != trusted.Key.OrgCode)
            throw new RuleViolationException("第八条",
                $"{name} 自称来自 {payload.Sender.Code} {payload.Sender.Name}，签名却来自登记给 {trusted.Key.OrgCode} 的公钥 {parts.Fingerprint}，拒绝导入");
        if (payload.Sender.KeyFingerprint != parts.Fingerprint)
            throw new RuleViolationException("第八条", $"{name} 内容中注明的签名公钥 {payload.Sender.KeyFingerprint} 与签名行的 {parts.Fingerprint} 不符，拒绝导入");

        var warnings = new List<string>();
        var sheetHash = SheetDigest.Seal(payload.Campaign.Id, payload.Tally.SheetDigests.Select(s => (s.Serial, s.Digest)));
        if (sheetHash != payload.Tally.Hash)
            warnings.Add($"数据包中测评票摘要算出的哈希 {sheetHash} 与其注明的计票哈希 {payload.Tally.Hash} 不符：请向 {claimed} 核实");
        if (!payload.Tally.SealMatches) warnings.Add($"发送方导出时，测评票与录入时的封存不符（ballot verify）：请向 {claimed} 核实");
        if (payload.Campaign.Stage is not ("approved" or "closed"))
            warnings.Add($"该考核导出时尚未批准（阶段 {payload.Campaign.Stage}）：等次不是最终结果");

        var sha = parts.PayloadSha256;
        using var c = database.Open();
        using var tx = c.BeginWrite();
        if (BundleStore.ReceivedBySha(c, tx, sha) is { } already)
            return new Warned<ReceivedBundle>(already, [.. warnings, $"该数据包已于 {already.ImportedAt} 由 {already.ImportedBy} 导入（编号 {already.Id}），未重复导入"]);
        var id = BundleStore.InsertReceived(c, tx, payload, parts.Fingerprint, sha, bytes, who.Name);
        var earlier = BundleStore.ReceivedList(c, payload.Sender.Code, payload.Campaign.Year, tx).Count(b => b.CampaignRef == payload.Campaign.Id && b.Id != id);
        if (earlier > 0) warnings.Add($"已收到过该考核的 {earlier} 个数据包：本次为新版本，均按收到时保存");
        audit.RecordChange(c, tx, "import", "received_bundle", id.ToString(CultureInfo.InvariantCulture), payload.Sender.Code, null,
            $"第八条：收到 {payload.Sender.Code} {payload.Sender.Name} {payload.Campaign.Year} 年度述职评议考核数据包（签名公钥 {parts.Fingerprint}）");
        var saved = BundleStore.ReceivedBySha(c, tx, sha)!;
        tx.Commit();
        return new Warned<ReceivedBundle>(saved, warnings);
    }

    /// <summary>Received bundles of senders the operator may read campaigns of.</summary>
    public IReadOnlyList<ReceivedBundle> Received(string? senderCode = null, int? year = null)
    {
        using var c = database.Open();
        return BundleStore.ReceivedList(c, senderCode, year).Where(b => auth.Can(Permission.CampaignRead, b.SenderCode)).ToList();
    }

    /// <summary>One received bundle with its payload, re-verified against the key it was accepted with.</summary>
    public ReceivedBundleView Show(long id)
    {
        using var c = database.Open();
        var (bundle, file) = BundleStore.Received(c, id) ?? throw new NotFoundException($"没有编号为 {id} 的收到的数据包");
        auth.Require(Permission.CampaignRead, bundle.SenderCode);
        var parts = BundleFile.Parse(file, $"收到的数据包 {id}");
        var key = BundleStore.TrustedByFingerprint(c, null, bundle.KeyFingerprint);
        if (key is null || !BundleFile.Verify(parts, key.Value.PublicKey) || parts.PayloadSha256 != bundle.PayloadSha256)
            throw new StorageException($"收到的数据包 {id} 与导入时的签名不再相符：数据库中的记录被改动过，请运行 audit verify");
        var payload = BundleJson.Deserialize(parts.Payload, out var problem)
                      ?? throw new StorageException($"收到的数据包 {id} 无法读取：{problem}");
        return new ReceivedBundleView(bundle, payload, BundleJson.Text(parts.Payload));
    }

    private static RuleViolationException Untrusted(Microsoft.Data.Sqlite.SqliteConnection c, string name, string? claimedCode, string claimed, string fingerprint)
    {
        var known = claimedCode is null ? [] : BundleStore.Trusted(c, null, claimedCode);
        var why = known.Count == 0
            ? $"本库没有登记 {claimed} 的签名公钥"
            : $"签名所用的公钥 {fingerprint} 不是本库为 {claimed} 登记的公钥（{string.Join("、", known.Select(k => k.Fingerprint))}）";
        return new RuleViolationException("第八条",
            $"{name} 的签名不可信，拒绝导入：{why}。下级的公钥须经核实后由本级管理员或组织者登记一次（shuzhi key trust --org CODE FILE --fingerprint 指纹）");
    }

    private BundlePayload Payload(Microsoft.Data.Sqlite.SqliteConnection c, CampaignView view, BallotTally tally, IReadOnlyList<RectificationItem> carried,
        string fingerprint)
    {
        var campaign = view.Campaign;
        var id = campaign.Id;
        using var tx = c.BeginTransaction(deferred: true);
        var grades = EvaluationStore.Grades(c, tx, id).ToDictionary(g => g.OrgCode, StringComparer.Ordinal);
        var approval = EvaluationStore.Approval(c, tx, id);
        var items = RectificationStore.List(c, id, null, null, tx).Select(i => (Item: i, Carried: false))
            .Concat(carried.Where(i => i.CampaignId != id).Select(i => (Item: i, Carried: true)))
            .OrderBy(x => x.Item.OrgCode, StringComparer.Ordinal).ThenBy(x => x.Item.Id).ToList();
        var payload = new BundlePayload(
            BundleFile.Format,
            new BundleSender(campaign.OrganiserCode, campaign.OrganiserName, fingerprint),
            Sql.Now(),
            who.Name,
            new BundleCampaign(id, campaign.Year, campaign.Stage.Key(), campaign.MinBelowGood, approval?.ApprovedAt, approval?.ApprovedBy, approval?.Meeting),
            view.Roster.OrderBy(a => a.Entry.OrgCode, StringComparer.Ordinal).Select(a =>
            {
                var g = grades.GetValueOrDefault(a.Entry.OrgCode);
                return new BundleAssessee(a.Entry.OrgCode, a.Entry.OrgName, a.Entry.Sector, a.Entry.Level, a.Name, g?.Grade.Json(), g?.Status.Key(),
                    g?.Score, g?.ProposedGrade?.Json(), g?.Explanation, g?.Reason);
            }).ToList(),
            new BundleTally(tally.Issued, tally.Sheets, tally.Void, tally.Hash, tally.SealMatches,
                tally.Assessees.OrderBy(a => a.Code, StringComparer.Ordinal)
                    .Select(a => new BundleTallyLine(a.Code, a.Counts.Good, a.Counts.FairlyGood, a.Counts.Average, a.Counts.Poor, a.Counts.Blank)).ToList(),
                BallotStore.Digests(c, tx, id).OrderBy(d => d.Serial, StringComparer.Ordinal).Select(d => new BundleSheet(d.Serial, d.Digest)).ToList()),
            CommentStore.ForCampaign(c, tx, id, null).OrderBy(k => k.OrgCode, StringComparer.Ordinal).ThenBy(k => k.Id)
                .Select(k => new BundleComment(k.OrgCode, k.By.Key(), k.Commenter, k.Mode.Key(), k.Problems, k.Direction, k.RecordedAt)).ToList(),
            DebriefingStore.ForCampaign(c, tx, id).OrderBy(d => d.OrgCode, StringComparer.Ordinal)
                .Select(d => new BundleReport(d.OrgCode, d.Mode.Key(), d.WrittenReason, d.Report?.Achievements, d.Report?.Problems, d.Report?.Causes,
                    d.Report?.Measures)).ToList(),
            EvaluationStore.Revisions(c, tx, id)
                .Select(v => new BundleRevision(v.OrgCode, v.From.Json(), v.To.Json(), v.Reason, v.Decision, v.RevisedBy, v.RevisedAt)).ToList(),
            items.Select(x => new BundleRectification(x.Item.Id, x.Item.OrgCode, x.Carried, x.Item.Source.Key(), x.Item.SourceRef, x.Item.Description,
                x.Item.Measures, x.Item.Owner, Sql.Date(x.Item.Deadline), x.Item.Status.Key(), x.Item.Referral,
                RectificationStore.Progress(c, x.Item.Id, tx).Select(p => new BundleProgress(p.Note, p.ToStatus.Key(), p.RecordedBy, p.RecordedAt)).ToList()))
                .ToList(),
            RectificationStore.Circulations(c, tx, id)
                .Select(r => new BundleCirculation(r.Scope, r.Items, r.Open, r.InProgress, r.Done, r.Overdue, r.CirculatedBy, r.CirculatedAt)).ToList(),
            ReportingStore.Publications(c, tx, id).Select(p => new BundlePublication(p.Scope, p.PublishedBy, p.PublishedAt)).ToList());
        tx.Commit();
        return payload;
    }
}
