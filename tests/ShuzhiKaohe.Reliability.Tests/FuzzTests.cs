using System.Text;
using CsCheck;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Bundles;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Organisations.Import;
using ShuzhiKaohe.Core.Organisations.Secretaries;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Host;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Reliability.Tests;

/// <summary>
/// Issue 10 §3: every file the program reads, damaged the ways real files are (<see cref="Damage"/>), 10,000 cases
/// a format: the reader either takes it or refuses it with the program's own error and a message — never another
/// exception (which the CLI would show as an internal error) — and a refused import writes nothing.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private const string County = "420102";
    private readonly TempDir _dir = new("fuzz");
    private readonly CoreHarness _core;

    public FuzzTests()
    {
        _core = new CoreHarness(_dir.File("fuzz.db"));
    }

    public void Dispose()
    {
        _core.Dispose();
        _dir.Dispose();
    }

    private static byte[] DemoRows(int take) =>
        Encoding.UTF8.GetBytes(string.Join('\n', File.ReadLines(Path.Combine(RepoPaths.Root, "demo", "divisions-hubei.csv")).Take(take)) + "\n");

    private long Count(string table)
    {
        using var c = _core.Get<Database>().Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM {table}";
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>The property: taken, or refused by one of the program's errors with a message, and then nothing written.</summary>
    private void TakenOrRefused(string table, Action read)
    {
        var before = Count(table);
        try { read(); }
        catch (ShuzhiException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.Equal(before, Count(table));
        }
    }

    private static void Cases(Action<int> body) => Gen.Int.Sample(body, iter: Damage.Cases, threads: 1);

    [Fact]
    public void Organisation_files_csv_tsv_and_xlsx()
    {
        var importer = _core.Get<OrganisationImporter>();
        var seed = DemoRows(160);
        var file = _dir.File("orgs");
        Cases(s =>
        {
            var damaged = Damage.Apply(seed, s);
            var (path, bytes) = (s & 3) switch
            {
                0 => (file + ".tsv", Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(damaged).Replace(',', '\t'))),
                1 => (file + ".xlsx", (s & 4) == 0 ? Xlsx(damaged) : Damage.Apply(Xlsx(seed), s)),
                _ => (file + ".csv", damaged),
            };
            File.WriteAllBytes(path, bytes);
            TakenOrRefused("organisation", () => importer.Import([path], new OrganisationImportOptions()));
        });
    }

    [Fact]
    public void Secretary_files()
    {
        LoadDemoTree();
        var importer = _core.Get<SecretaryImporter>();
        var streets = File.ReadLines(Path.Combine(RepoPaths.Root, "demo", "divisions-hubei.csv")).Where(l => l.StartsWith(County, StringComparison.Ordinal) && l.Split(',')[0].Length > 6).Take(12).ToList();
        var seed = Encoding.UTF8.GetBytes("org_code,name,start_on,end_on\n" + string.Concat(streets.Select((l, i) =>
            $"{l.Split(',')[0]},{"张王李赵刘陈杨黄周吴徐孙"[i]}{"建国秀英志强丽娟"[i % 8]},2021-0{1 + i % 9}-01,{(i % 4 == 0 ? "2023-06-30" : "")}\n")));
        var file = _dir.File("people.csv");
        Cases(s =>
        {
            File.WriteAllBytes(file, Damage.Apply(seed, s));
            TakenOrRefused("secretary_term", () => importer.Import(file, new SecretaryImportOptions()));
        });
    }

    [Fact]
    public void Ballot_files()
    {
        LoadDemoTree();
        var campaigns = _core.Get<CampaignService>();
        var id = campaigns.Create(County, 2023).Value.Campaign.Id;
        campaigns.Advance(id);
        campaigns.Advance(id);
        var ballots = _core.Get<BallotService>();
        ballots.Issue(id, 1_000_000);
        var roster = campaigns.Show(id).Roster.Select(e => e.Entry.OrgCode).Take(8).ToList();
        var marks = new[] { "好", "较好", "一般", "差", "good", "" };
        var seed = Encoding.UTF8.GetBytes("sheet,org_code,mark\n" + string.Concat(Enumerable.Range(1, 6).SelectMany(n =>
            n == 6 ? ["S6,,void\n"] : roster.Select((code, i) => $"S{n},{code},{marks[(n + i) % marks.Length]}\n").ToArray())));
        var file = _dir.File("sheets.csv");
        var serial = 0;
        Cases(s =>
        {
            // Fresh serials each case, so that a file that is taken does not make the next one a duplicate.
            var text = Encoding.UTF8.GetString(seed).Replace("S", $"C{++serial}-");
            File.WriteAllBytes(file, Damage.Apply(Encoding.UTF8.GetBytes(text), s));
            TakenOrRefused("ballot_sheet", () => ballots.Import(id, file));
        });
    }

    [Fact]
    public void Report_files_txt_md_and_docx()
    {
        var seed = Encoding.UTF8.GetBytes("一、工作成效\n抓党建促发展，全年完成重点任务十二项。\n二、突出问题\n基层组织覆盖仍有空白。\n三、问题根源\n责任传导不到位。\n四、改进措施\n建立问题清单，逐项整改。\n");
        var docx = Docx(Encoding.UTF8.GetString(seed));
        var file = _dir.File("report");
        Cases(s =>
        {
            var (path, bytes) = (s % 3) switch
            {
                0 => (file + ".docx", (s & 4) == 0 ? Docx(Encoding.UTF8.GetString(Damage.Apply(seed, s))) : Damage.Apply(docx, s)),
                1 => (file + ".md", Damage.Apply(seed, s)),
                _ => (file + ".txt", Damage.Apply(seed, s)),
            };
            File.WriteAllBytes(path, bytes);
            try { ReportReader.ReadFile(path); }
            catch (ShuzhiException e) { Assert.False(string.IsNullOrWhiteSpace(e.Message)); }
        });
    }

    [Fact]
    public void Plugin_manifests()
    {
        var shipped = Path.Combine(RepoPaths.Plugins, "ShuzhiKaohe.Modules.Localities", PluginManifest.FileName);
        var seed = File.ReadAllBytes(shipped);
        var folder = _dir.Dir("plugin");
        Cases(s =>
        {
            File.WriteAllBytes(Path.Combine(folder, PluginManifest.FileName), Damage.Apply(seed, s));
            try { PluginManifest.Read(folder); }
            catch (ManifestException e) { Assert.False(string.IsNullOrWhiteSpace(e.Message)); }
        });
    }

    [Fact]
    public void Settings_files()
    {
        var seed = Encoding.UTF8.GetBytes("""
            {
              // the operator's settings
              "Database": { "Path": "/srv/shuzhi/shuzhi.db" },
              "Plugins": { "Paths": ["/opt/plugins"], "Disabled": ["shuzhi.organs"], "RequireApproval": true },
              "Rectification": { "GreenDays": 20, "YellowDays": 10, "ConsequenceDays": 90 },
              "Console": { "Mouse": false },
            }
            """);
        var file = _dir.File("settings.json");
        Cases(s =>
        {
            File.WriteAllBytes(file, Damage.Apply(seed, s));
            try { HostSettings.Load([file]); }
            catch (InvalidInputException e) { Assert.Contains("设置", e.Message); }
        });
    }

    [Fact]
    public void Bundles_and_public_keys()
    {
        LoadDemoTree();
        var id = _core.Get<CampaignService>().Create(County, 2023).Value.Campaign.Id;
        var keys = _core.Get<SigningKeyService>();
        keys.Create(County);
        var publicKey = Encoding.UTF8.GetBytes(keys.Export(County).Text);
        var bundle = _dir.File("genuine.bundle");
        _core.Get<BundleService>().Export(id, bundle);
        var genuine = File.ReadAllBytes(bundle);
        var bundles = _core.Get<BundleService>();
        var file = _dir.File("received.bundle");
        Cases(s =>
        {
            if ((s & 1) == 0)
            {
                File.WriteAllBytes(file, Damage.Apply(genuine, s));
                TakenOrRefused("received_bundle", () => bundles.Import(file));
            }
            else
            {
                var text = Encoding.UTF8.GetString(Damage.Apply(publicKey, s));
                TakenOrRefused("trusted_key", () => keys.Trust("420102002", text, "fuzz.pem"));
            }
        });
    }

    private void LoadDemoTree() =>
        _core.Get<OrganisationImporter>().Import([Path.Combine(RepoPaths.Root, "demo", "divisions-hubei.csv")], new OrganisationImportOptions());

    private static byte[] Xlsx(byte[] csv)
    {
        var lines = Encoding.UTF8.GetString(csv).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines.Length == 0 ? [] : lines[0].Split(',');
        var rows = lines.Skip(1).Select(l =>
        {
            var fields = l.Split(',');
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < header.Length; i++) row[string.IsNullOrEmpty(header[i]) ? $"c{i}" : header[i]] = i < fields.Length ? fields[i] : null;
            return row;
        }).ToList();
        using var ms = new MemoryStream();
        if (rows.Count == 0 || header.Distinct().Count() != header.Length) ms.SaveAs(new[] { new Dictionary<string, object?> { ["code"] = "x" } });
        else ms.SaveAs(rows);
        return ms.ToArray();
    }

    private static byte[] Docx(string text)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(text.Split('\n').Select(l => new Paragraph(new Run(new Text(Clean(l)) { Space = SpaceProcessingModeValues.Preserve })))));
        }
        return ms.ToArray();
    }

    /// <summary>XML cannot carry control characters: Word drops them too.</summary>
    private static string Clean(string s) => new(s.Where(ch => !char.IsControl(ch) && !char.IsSurrogate(ch)).ToArray());
}
