using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Ballots;

/// <summary>
/// Anonymous evaluation ballots (评议, 第五条 "现场述职评议时，要组织参会人员进行评议"): sheets issued, paper sheets keyed
/// one by one or imported all-or-nothing, each serial once, the tally with turnout and the campaign's hash, and a
/// verification that names any sheet changed behind the program's back. Only the keying operator is recorded.
/// Every write is audited (issue 9 §4): the issue count, each sheet with its marks (one entry per sheet, never a
/// voter — there is none), and the seal.
/// </summary>
public sealed class BallotService(Database database, CampaignService campaigns, OperatorContext who, AuditTrail audit, Authorizer authorizer,
    BallotSettings settings)
{
    public const int MaxSerialLength = 40;

    /// <summary>The tally's GROUP BY (for benchmarks and EXPLAIN QUERY PLAN checks).</summary>
    public const string TallyQuery = BallotStore.TallySql;

    /// <summary>Records how many sheets were handed out (before or during the session).</summary>
    public Warned<BallotIssue> Issue(long campaignId, int count, long? expectedRowVersion = null)
    {
        campaigns.Require(campaignId, Permission.BallotEntry);
        if (count <= 0) throw new InvalidInputException($"发放张数须为正整数，收到 {count}");
        using var c = database.Open();
        using var tx = c.BeginWrite();
        campaigns.Writable(c, tx, campaignId, null, "登记测评票发放数", CampaignStage.Plan, CampaignStage.Inspection, CampaignStage.Session);
        var (issued, version) = BallotStore.Issued(c, tx, campaignId);
        if (expectedRowVersion is { } v && version is not null && v != version)
            throw new ConflictException($"考核 {campaignId} 的测评票发放数", v, version);
        var (sheets, voids) = BallotStore.Counts(c, tx, campaignId);
        if (sheets > count)
            throw new InvalidInputException($"已录入 {sheets} 张测评票，发放数不能少于已录入张数");
        var key = CampaignAudit.Key(campaignId);
        var before = audit.State(c, tx, BallotAudit.IssueEntity, key);
        BallotStore.SetIssued(c, tx, campaignId, count, who.Name, version);
        audit.RecordChange(c, tx, version is null ? "create" : "update", BallotAudit.IssueEntity, key, CampaignService.Read(c, tx, campaignId).OrganiserCode,
            before, $"考核 {campaignId} 测评票发放数");
        tx.Commit();
        var warnings = new List<string>();
        if (issued is not null && issued != count) warnings.Add($"发放数由 {issued} 改为 {count}");
        return new Warned<BallotIssue>(new BallotIssue(campaignId, count, sheets, voids), warnings);
    }

    /// <summary>Keys one paper sheet. A serial already keyed is refused; so is a sheet beyond the number issued.</summary>
    public Warned<BallotImportResult> AddSheet(long campaignId, BallotSheetInput sheet)
    {
        campaigns.Require(campaignId, Permission.BallotEntry);
        if (SerialProblem(sheet.Serial) is { } bad) throw new InvalidInputException(bad);
        if (sheet.IsVoid && sheet.Marks.Count > 0) throw new InvalidInputException("作废的测评票不能带评价（整张作废）");
        return Key(campaignId, [new BallotCsv.Sheet(sheet.Serial.Trim(), 0, sheet.IsVoid, sheet.Marks.ToDictionary(StringComparer.Ordinal))], []);
    }

    /// <summary>Imports a CSV of sheets (sheet,org_code,mark): all or nothing, every bad line named.</summary>
    public Warned<BallotImportResult> Import(long campaignId, string path)
    {
        campaigns.Require(campaignId, Permission.BallotEntry);
        if (!File.Exists(path)) throw new NotFoundException($"文件不存在：{path}");
        var (sheets, errors) = BallotCsv.Parse(ImportedText.Decode(File.ReadAllBytes(path)));
        return Key(campaignId, sheets, errors, Path.GetFileName(path));
    }

    public Warned<BallotTally> Tally(long campaignId)
    {
        RequireResults(campaignId);
        using var c = database.Open();
        var campaign = CampaignService.Read(c, null, campaignId);
        var roster = CampaignService.ActiveEntries(c, null, campaignId);
        var (issued, _) = BallotStore.Issued(c, null, campaignId);
        var (sheets, voids) = BallotStore.Counts(c, null, campaignId);
        var counts = BallotStore.Tally(c, campaignId);
        var hash = SheetDigest.Seal(campaignId, BallotStore.Digests(c, null, campaignId));
        var seal = BallotStore.Seal(c, null, campaignId);
        var valid = sheets - voids;
        var assessees = roster.Select(e =>
        {
            var row = counts.GetValueOrDefault(e.Id) ?? new int[5];
            var rated = row[1] + row[2] + row[3] + row[4];
            return new AssesseeTally(e.Id, e.OrgCode, e.OrgName, new BallotCounts(row[1], row[2], row[3], row[4], valid - rated));
        }).ToList();
        var warnings = new List<string>();
        var sealMatches = seal is null ? sheets == 0 : seal.Value.Hash == hash && seal.Value.Sheets == sheets;
        if (!sealMatches) warnings.Add($"考核 {campaignId} 的测评票与录入时的封存不符：请运行 ballot verify 查明被改动的测评票");
        if (issued is null && sheets > 0) warnings.Add("尚未登记测评票发放数（ballot issue），无法核对参评率");
        if (campaign.Stage < CampaignStage.Session) warnings.Add($"考核 {campaignId} 尚未进入述职评议会阶段");
        var orphan = counts.Keys.Except(roster.Select(e => e.Id)).Count();
        if (orphan > 0) warnings.Add($"有 {orphan} 个不在当前名单中的考核对象有评价");
        return new Warned<BallotTally>(new BallotTally(campaignId, issued, sheets, voids,
            issued is > 0 ? Math.Round((double)sheets / issued.Value, 4) : null, hash, sealMatches, assessees), warnings);
    }

    /// <summary>Recomputes every sheet's digest and the campaign's hash and compares them with what was keyed and sealed.</summary>
    public BallotVerification Verify(long campaignId)
    {
        campaigns.Require(campaignId, Permission.BallotResultsRead);
        using var c = database.Open();
        CampaignService.Read(c, null, campaignId);
        var changed = new List<string>();
        var stored = new List<(string Serial, string Digest)>();
        var codes = BallotStore.EntryCodes(c, campaignId);
        using (var reader = new BallotStore.MarkReader(c))
            foreach (var (sheetId, serial, isVoid, digest) in BallotStore.Sheets(c, campaignId))
            {
                // A mark pointing outside the campaign's roster, or holding no grade, cannot match the keyed digest.
                var content = reader.Read(sheetId)
                    .Select(m => (codes.GetValueOrDefault(m.EntryId) ?? $"?{m.EntryId}", Enum.IsDefined((Grade)m.Mark) ? (Grade)m.Mark : (Grade)0))
                    .ToList();
                stored.Add((serial, digest));
                if (content.Any(m => m.Item2 == 0) || SheetDigest.Of(campaignId, serial, isVoid, content) != digest) changed.Add(serial);
            }
        var current = SheetDigest.Seal(campaignId, stored);
        var seal = BallotStore.Seal(c, null, campaignId);
        var problems = new List<string>();
        var (sealedSheets, sealedMarks, sealedHash) = seal ?? (0, 0L, SheetDigest.Seal(campaignId, []));
        if (sealedSheets != stored.Count)
            problems.Add($"测评票张数与封存不符：录入时 {sealedSheets} 张，现有 {stored.Count} 张（有测评票在程序之外被增删）");
        var markCount = BallotStore.MarkCount(c, null, campaignId);
        if (sealedMarks != markCount)
            problems.Add($"评价条数与封存不符：录入时 {sealedMarks} 条，现有 {markCount} 条");
        var stray = BallotStore.StrayMarks(c, campaignId);
        if (stray > 0) problems.Add($"有 {stray} 条评价不属于本次考核的任何测评票");
        if (sealedHash != current && changed.Count == 0 && problems.Count == 0)
            problems.Add("测评票的哈希与封存不符：有测评票的编号或摘要在程序之外被改写");
        return new BallotVerification(campaignId, sealedHash, current, sealedSheets, stored.Count, sealedMarks, markCount,
            changed.Order(StringComparer.Ordinal).ToList(), problems);
    }

    /// <summary>
    /// Issue 9 §3: "ballot clerks see only sheets, not running grades, until the campaign's session is closed (a
    /// setting, on by default)". Holders of <see cref="Permission.BallotResultsRead"/> see the tally at any stage; a
    /// holder of <see cref="Permission.BallotEntry"/> only (the clerk) once the campaign has left the session stage,
    /// or at any stage when <see cref="BallotSettings.ClerksWaitForSessionEnd"/> is off. A refusal is audited (exit 3).
    /// </summary>
    private void RequireResults(long campaignId)
    {
        Campaign campaign;
        using (var c = database.Open()) campaign = CampaignService.Read(c, null, campaignId);
        if (authorizer.Can(Permission.BallotResultsRead, campaign.OrganiserCode)) return;
        if (authorizer.Can(Permission.BallotEntry, campaign.OrganiserCode))
        {
            if (!settings.ClerksWaitForSessionEnd || campaign.Stage > CampaignStage.Session) return;
            authorizer.Require(Permission.BallotResultsRead, campaign.OrganiserCode,
                $"考核 {campaignId} 处于“{campaign.Stage.Chinese()}”阶段：述职评议会结束前，计票员只录入测评票，不看计票结果（设置 {BallotSettings.Setting}）");
        }
        authorizer.Require(Permission.BallotResultsRead, campaign.OrganiserCode);
    }

    /// <summary>Reads "CODE=MARK,CODE=MARK" (，、；; also separate; an empty mark is a blank).</summary>
    public static IReadOnlyDictionary<string, Grade?> ParseMarks(string text)
    {
        var result = new Dictionary<string, Grade?>(StringComparer.Ordinal);
        foreach (var part in text.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOfAny(['=', '＝', ':', '：']);
            if (eq < 1) throw new InvalidInputException($"评价“{part}”应写作 代码=等次，如 420102002=好");
            var code = part[..eq].Trim();
            if (!BallotMarks.TryParse(part[(eq + 1)..], out var mark))
                throw new InvalidInputException($"无法识别的评价“{part[(eq + 1)..].Trim()}”：应为 好|较好|一般|差 或 good|fairly_good|average|poor，空为空白");
            if (!result.TryAdd(code, mark)) throw new InvalidInputException($"同一张票对 {code} 只能有一个评价");
        }
        return result;
    }

    /// <summary>Why a serial cannot be used, or null.</summary>
    public static string? SerialProblem(string? serial)
    {
        var s = serial?.Trim() ?? "";
        if (s.Length == 0) return "测评票编号不能为空";
        if (s.Length > MaxSerialLength) return $"测评票编号过长（{s.Length} 个字符，上限 {MaxSerialLength}）";
        if (s.Any(ch => char.IsControl(ch) || ch is ',' or '，' or '=' or '\t')) return $"测评票编号“{s}”含有不允许的字符";
        return null;
    }

    private Warned<BallotImportResult> Key(long campaignId, IReadOnlyList<BallotCsv.Sheet> sheets, List<string> errors, string? source = null)
    {
        using var c = database.Open();
        using var tx = c.BeginWrite();
        // 第五条: the attendees rate the reporters at the session; sheets are keyed while the campaign is in it.
        campaigns.Writable(c, tx, campaignId, null, "录入测评票", CampaignStage.Session);
        var roster = CampaignService.ActiveEntries(c, tx, campaignId).ToDictionary(e => e.OrgCode, StringComparer.Ordinal);
        var existing = BallotStore.Serials(c, tx, campaignId);
        foreach (var sheet in sheets)
        {
            var where = sheet.Line > 0 ? $"第 {sheet.Line} 行起，" : "";
            if (existing.Contains(sheet.Serial))
            {
                var message = $"{where}测评票 {sheet.Serial} 已录入，同一张票不能录入两次";
                if (sheet.Line == 0) throw new RuleViolationException("第五条", message);
                errors.Add(message);
            }
            foreach (var code in sheet.Marks.Keys.Where(k => !roster.ContainsKey(k)))
                errors.Add($"{where}测评票 {sheet.Serial}：{code} 不在考核 {campaignId} 的名单中");
        }
        var (issued, _) = BallotStore.Issued(c, tx, campaignId);
        var (already, _) = BallotStore.Counts(c, tx, campaignId);
        if (issued is { } n && already + sheets.Count > n)
            errors.Add($"录入后共 {already + sheets.Count} 张，超过发放数 {n} 张：请核对测评票或发放数（ballot issue）");
        if (errors.Count > 0)
            throw new InvalidInputException((source is null ? "" : $"{source}：") + $"有 {errors.Count} 处错误，未录入任何测评票：\n  " +
                                            string.Join("\n  ", errors.Take(50)) + (errors.Count > 50 ? $"\n  …… 另有 {errors.Count - 50} 处" : ""));

        var organiser = CampaignService.Read(c, tx, campaignId).OrganiserCode;
        using var writer = new BallotStore.Writer(c, tx, campaignId, who.Name);
        var summaries = new List<(string Key, string Summary)>(sheets.Count);
        foreach (var sheet in sheets)
        {
            var marks = sheet.Marks.Where(m => m.Value is not null).Select(m => (roster[m.Key].Id, m.Key, m.Value!.Value)).ToList();
            writer.Write(sheet.Serial, sheet.IsVoid, marks);
            summaries.Add((BallotAudit.SheetKey(campaignId, sheet.Serial),
                (sheet.IsVoid ? $"录入测评票 {sheet.Serial}（作废）" : $"录入测评票 {sheet.Serial}（评价 {marks.Count} 条）") + (source is null ? "" : $"，导入自 {source}")));
        }
        // One entry per sheet, in the import's transaction, through a prepared batch (docs/security.md: why not one per
        // import). After all the marks rather than between them: interleaved, the entries' index pages and the marks'
        // pages evict each other from SQLite's page cache (measured: 1.8 s of CPU instead of 0.4 s for 5,000 sheets).
        using (var entries = audit.Batch(c, tx))
            foreach (var (key, summary) in summaries)
                entries.Record("create", BallotAudit.SheetEntity, key, organiser, summary);
        var hash = BallotStore.Reseal(c, tx, campaignId);
        audit.Record(c, tx, "seal", BallotAudit.SealEntity, CampaignAudit.Key(campaignId), organiser,
            $"考核 {campaignId} 测评票封存：本次录入 {sheets.Count} 张，哈希 {hash}");
        tx.Commit();

        var warnings = new List<string>();
        if (issued is null) warnings.Add("尚未登记测评票发放数（ballot issue），无法核对录入张数");
        return new Warned<BallotImportResult>(new BallotImportResult(campaignId, sheets.Count, sheets.Count(s => s.IsVoid), writer.Marks, hash), warnings);
    }
}
