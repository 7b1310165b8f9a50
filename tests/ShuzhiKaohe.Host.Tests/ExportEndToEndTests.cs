using System.Diagnostics;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests;

/// <summary>
/// One database with two campaigns of 江岸区, driven through the real executable: 2023 approved by the committee (with
/// an 一般, its consequences, a rectification item, publication and feedback), 2024 still in session. Shared by the
/// export tests, which only read it.
/// </summary>
public sealed class ExportCampaigns : IDisposable
{
    public static readonly IReadOnlyDictionary<int, string> Secretaries = new Dictionary<int, string> { [0] = "张建国", [4] = "李红梅", [7] = "王志强" };

    public ExportCampaigns()
    {
        Cli = new CliSession("e2e-export");
        Cli.Ok("db", "init");
        using (var c = new SqliteConnection($"Data Source={Cli.Db};Pooling=False"))
        {
            c.Open();
            Codes = DivisionSeed.LoadCounty(c, CountyCampaign.County).Select(s => s.Code).ToList();
            foreach (var (i, name) in Secretaries) DivisionSeed.Secretary(c, Codes[i], name, "2021-03-01");
        }
        Approved = CountyCampaign.ThroughTheSession(Cli, 2023, Codes);
        Cli.Ok("evaluate", "observe", "--campaign", Approved, "--org", Codes[0], "--score", "90", "--note", "平时调研：群众口碑好");
        Cli.Ok("evaluate", "propose", "--campaign", Approved);
        Cli.Ok("evaluate", "set", "--campaign", Approved, "--org", Codes[4], "--grade", "一般", "--reason", "群众反映问题较多");
        Cli.Ok("evaluate", "approve", "--campaign", Approved, "--meeting", "区委常委会 2024-01-20");
        Cli.Ok("rectify", "add", "--campaign", Approved, "--org", Codes[7], "--source", "inspection_tour", "--description", "巡察反馈：社区党组织书记队伍老化",
            "--deadline", "2024-06-30", "--measures", "调整充实书记队伍", "--owner", "街道党工委");
        Cli.Ok("debrief", "publish", "--campaign", Approved, "--scope", "全区党员干部");
        Cli.Ok("evaluate", "feedback", "--campaign", Approved, "--by", "区委书记");
        InSession = CountyCampaign.ToTheSession(Cli, 2024, Codes);
    }

    public CliSession Cli { get; }
    public IReadOnlyList<string> Codes { get; }
    public string Approved { get; }
    public string InSession { get; }

    public void Dispose() => Cli.Dispose();
}

public sealed class ExportEndToEndTests(ExportCampaigns data) : IClassFixture<ExportCampaigns>
{
    private static readonly (string Document, string[] Formats)[] Catalogue =
    [
        ("summary", ["xlsx", "csv", "json"]), ("evaluations", ["docx", "csv", "json"]), ("rectification", ["xlsx", "docx", "csv", "json"]),
        ("reports", ["docx", "csv", "json"]), ("upward", ["docx", "json"]), ("personnel", ["xlsx", "csv", "json"]),
    ];

    private CliSession Cli => data.Cli;

    private string Export(string campaign, string document, string format, string? name = null)
    {
        var path = Cli.Dir.File(name ?? $"{document}-{campaign}.{format}");
        var json = Cli.Ok("export", document, "--campaign", campaign, "--format", format, "--out", path).Json();
        Assert.Equal(Path.GetFullPath(path), Assert.Single(json.GetProperty("files").EnumerateArray()).GetString());
        Assert.True(new FileInfo(path).Length > 0);
        return path;
    }

    private T Scalar<T>(string sql, params (string, object)[] args)
    {
        using var c = new SqliteConnection($"Data Source={Cli.Db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T));
    }

    [Fact]
    public void The_summary_xlsx_reads_back_with_the_numbers_and_grades_in_the_database()
    {
        var sheets = Xlsx.Read(Export(data.Approved, "summary", "xlsx"));
        var main = sheets["汇总表"];
        Assert.Contains("江岸区2023年度", main.Title);
        Assert.Equal(17, main.Rows.Count);
        Assert.Equal(3u, main.FrozenRows);
        string[] grades = ["", "good", "fairly_good", "average", "poor"];
        foreach (var row in main.Rows)
        {
            var code = (string)row["组织代码"]!;
            for (var mark = 1; mark <= 4; mark++)
                Assert.Equal(Scalar<double>("""
                    SELECT count(*) FROM ballot_mark m JOIN roster_entry e ON e.id = m.entry_id WHERE m.campaign_id = $c AND e.org_code = $o AND m.mark = $m
                    """, ("$c", data.Approved), ("$o", code), ("$m", mark)), row[new[] { "", "好", "较好", "一般", "差" }[mark]]);
            Assert.Equal(Math.Round(Scalar<double>("SELECT score FROM evaluation_grade WHERE campaign_id = $c AND org_code = $o", ("$c", data.Approved), ("$o", code)), 2),
                (double)row["综合得分"]!, 6);
            Assert.Equal(Scalar<double>("""
                SELECT avg(s.score) FROM inspection_score s JOIN roster_entry e ON e.id = s.entry_id WHERE e.campaign_id = $c AND e.org_code = $o
                """, ("$c", data.Approved), ("$o", code)), (double)row["实地考核得分"]!, 6);
            var grade = Scalar<string>("SELECT grade FROM evaluation_grade WHERE campaign_id = $c AND org_code = $o", ("$c", data.Approved), ("$o", code));
            Assert.Equal(ChineseGrade(grade), row["审定等次"]);
        }
        var mid = main.Rows.Single(r => (string)r["组织代码"]! == data.Codes[4]);
        Assert.Equal(("李红梅", "一般"), (mid["书记"], mid["审定等次"]));
        Assert.Contains("约谈提醒", (string)mid["结果运用（第七条）"]!);
        Assert.Equal(90.0, main.Rows.Single(r => (string)r["组织代码"]! == data.Codes[0])["平时了解得分"]);

        var distribution = sheets["等次分布"];
        foreach (var (grade, chinese) in new[] { ("good", "好"), ("fairly_good", "较好"), ("average", "一般"), ("poor", "差") })
            Assert.Equal(Scalar<double>("SELECT count(*) FROM evaluation_grade WHERE campaign_id = $c AND grade = $g", ("$c", data.Approved), ("$g", grade)),
                distribution.Rows.Single(r => (string?)r["等次"] == chinese)["人数"]);
        Assert.Contains("满足", distribution.AllText);
        Assert.Contains("比例要求（第六条）", distribution.AllText);
    }

    private static string ChineseGrade(string key) => key switch { "good" => "好", "fairly_good" => "较好", "average" => "一般", _ => "差" };

    [Fact]
    public void The_personnel_and_rectification_xlsx_read_back_with_the_database()
    {
        var personnel = Xlsx.Read(Export(data.Approved, "personnel", "xlsx")).Values.Single();
        Assert.Equal(17, personnel.Rows.Count);
        foreach (var row in personnel.Rows)
        {
            var grade = Scalar<string>("SELECT grade FROM evaluation_grade WHERE campaign_id = $c AND org_code = $o", ("$c", data.Approved), ("$o", (string)row["组织代码"]!));
            Assert.Equal(ChineseGrade(grade), row["述职评议考核等次"]);
            Assert.Equal(grade == "good" ? "无" : "不得评为优秀", row["年度考核约束（第七条）"]);
            Assert.Equal(2023.0, row["年度"]);
        }
        Assert.Equal("是", personnel.Rows.Single(r => (string)r["组织代码"]! == data.Codes[4])["约谈提醒"]);

        var items = Xlsx.Read(Export(data.Approved, "rectification", "xlsx")).Values.Single();
        Assert.Equal(Scalar<long>("SELECT count(*) FROM rectification_item WHERE campaign_id = $c", ("$c", data.Approved)), items.Rows.Count);
        foreach (var row in items.Rows)
        {
            var id = (long)(double)row["编号"]!;
            Assert.Equal(Scalar<string>("SELECT deadline FROM rectification_item WHERE id = $i", ("$i", id)), row["整改期限"]);
            Assert.Equal(Scalar<string>("SELECT org_code FROM rectification_item WHERE id = $i", ("$i", id)), row["组织代码"]);
        }
        var tour = items.Rows.Single(r => (string)r["组织代码"]! == data.Codes[7]);
        Assert.Equal(("调整充实书记队伍", "街道党工委", "巡视巡察反馈"), (tour["整改措施"], tour["责任人"], tour["来源"]));
    }

    [Fact]
    public void Every_document_comes_in_each_of_its_formats_from_an_approved_campaign_and_from_one_in_session()
    {
        foreach (var campaign in new[] { data.Approved, data.InSession })
            foreach (var (document, formats) in Catalogue)
                foreach (var format in formats)
                {
                    var path = Export(campaign, document, format);
                    if (format == "json")
                    {
                        using var json = JsonDocument.Parse(File.ReadAllText(path));
                        Assert.Equal(document, json.RootElement.GetProperty("document").GetString());
                        Assert.Equal(campaign == data.Approved, json.RootElement.GetProperty("approved").GetBoolean());
                    }
                    if (format == "csv")
                    {
                        var bytes = File.ReadAllBytes(path);
                        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
                        Assert.Contains("组织代码", File.ReadAllLines(path)[0]);
                    }
                }

        // In session nothing is decided yet: the documents say so instead of failing (第六条).
        var summary = Xlsx.Read(Export(data.InSession, "summary", "xlsx", "in-session.xlsx"))["汇总表"];
        Assert.All(summary.Rows, r => Assert.Equal(("未审定", "未评定", "未审定"), (r["审定等次"], r["建议等次"], r["结果运用（第七条）"])));
        Assert.All(summary.Rows, r => Assert.Equal(3.0, (double)r["好"]! + (double)r["较好"]! + (double)r["一般"]! + (double)r["差"]!));
        var warned = Cli.Run("export", "personnel", "--campaign", data.InSession, "--out", Cli.Dir.File("p.csv"));
        Assert.Equal(0, warned.ExitCode);
        Assert.Contains("未审定", warned.Stderr);
        Assert.Contains("未审定", File.ReadAllText(Cli.Dir.File("p.csv")));
    }

    [Fact]
    public void A_format_a_document_does_not_come_in_is_a_usage_error_naming_the_formats_it_does()
    {
        var r = Cli.Run("export", "evaluations", "--campaign", data.Approved, "--format", "xlsx", "--out", Cli.Dir.File("x.xlsx"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("可用格式：docx、csv、json", r.Stderr);
        Assert.False(File.Exists(Cli.Dir.File("x.xlsx")));
        Assert.Equal(2, Cli.Run("export", "summary", "--campaign", data.Approved, "--format", "pdf").ExitCode);
        Assert.Equal(1, Cli.Run("export", "summary", "--campaign", data.Approved, "--format", "csv", "--out", Cli.Dir.File("y.xlsx")).ExitCode);
        Assert.Equal(3, Cli.Run("export", "summary", "--campaign", "999", "--out", Cli.Dir.File("z.xlsx")).ExitCode);
    }

    [Fact]
    public void Evaluations_to_a_folder_give_one_file_per_person_and_to_a_file_one_merged_document()
    {
        var folder = Cli.Dir.File("evaluations") + "/";
        var json = Cli.Ok("export", "evaluations", "--campaign", data.Approved, "--out", folder).Json();
        var files = json.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Equal(17, files.Count);
        Assert.Contains(files, f => Path.GetFileName(f).StartsWith(data.Codes[4], StringComparison.Ordinal) && f.EndsWith(".docx", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        var merged = Export(data.Approved, "evaluations", "docx");
        using var doc = WordprocessingDocument.Open(merged, false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("李红梅", text);
        Assert.Contains("区委常委会 2024-01-20", text);
        Assert.Equal(17, doc.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Count(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Title"));
        var styles = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.OuterXml;
        Assert.Contains("仿宋_GB2312", styles);
        Assert.Contains("黑体", styles);
        var section = doc.MainDocumentPart.Document.Body.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().Single();
        Assert.Equal(11906u, section.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Width!.Value);
        Assert.Contains("PAGE", doc.MainDocumentPart.FooterParts.Single().Footer!.OuterXml);
    }

    [Fact]
    public void Exports_need_the_export_permission_on_the_campaign()
    {
        Cli.Ok("operator", "add", "clerk1");
        Cli.Ok("operator", "grant", "clerk1", "--role", "clerk", "--scope", CountyCampaign.County);
        var denied = Cli.Run("export", "summary", "--campaign", data.Approved, "--out", Cli.Dir.File("denied.xlsx"), "--operator", "clerk1");
        Assert.Equal(3, denied.ExitCode);
        Assert.False(File.Exists(Cli.Dir.File("denied.xlsx")));
        Cli.Ok("operator", "add", "reader1");
        Cli.Ok("operator", "grant", "reader1", "--role", "reader", "--scope", CountyCampaign.County);
        Assert.Equal(0, Cli.Run("export", "summary", "--campaign", data.Approved, "--out", Cli.Dir.File("read.xlsx"), "--operator", "reader1").ExitCode);
    }

    [ExternalFact("soffice", "libreoffice-calc libreoffice-writer fonts-noto-cjk poppler-utils")]
    public void LibreOffice_converts_every_file_to_pdf_and_the_text_carries_the_names_and_grades()
    {
        ExternalTools.Find("pdftotext", "poppler-utils");
        foreach (var (campaign, tag) in new[] { (data.Approved, "approved"), (data.InSession, "session") })
        {
            var dir = Cli.Dir.File($"lo-{tag}");
            Directory.CreateDirectory(dir);
            var files = Catalogue.SelectMany(c => c.Formats.Where(f => f is "xlsx" or "docx").Select(f => Export(campaign, c.Document, f, $"lo-{tag}/{c.Document}-{f}.{f}"))).ToList();
            var pdfs = LibreOffice.ToPdf(dir, files);
            foreach (var (file, text) in pdfs)
            {
                Assert.Contains("江岸区", text);
                if (Path.GetFileName(file).StartsWith("upward", StringComparison.Ordinal) || Path.GetFileName(file).StartsWith("rectification", StringComparison.Ordinal)) continue;
                Assert.Contains("李红梅", text);
                if (Path.GetFileName(file).StartsWith("reports", StringComparison.Ordinal)) Assert.Contains("社区党组织服务能力不足", text);
                else Assert.Contains(campaign == data.Approved ? "一般" : "未审定", text);
            }
            var rectification = pdfs.Single(p => Path.GetFileName(p.File) == "rectification-docx.docx").Text;
            if (campaign == data.Approved) Assert.True(rectification.Contains("街道党工委", StringComparison.Ordinal), rectification);
            Assert.Contains("述职评议考核情况的报告", pdfs.Single(p => Path.GetFileName(p.File) == "upward-docx.docx").Text);
        }
    }
}

/// <summary>LibreOffice headless as the real reader: converts files to PDF and returns each PDF's text (pdftotext).</summary>
internal static class LibreOffice
{
    public static List<(string File, string Text)> ToPdf(string dir, IReadOnlyList<string> files)
    {
        var soffice = ExternalTools.Find("soffice", "libreoffice-calc libreoffice-writer");
        var profile = Path.Combine(dir, "lo-profile");
        var outDir = Path.Combine(dir, "pdf");
        var psi = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir }.Concat(files))
            psi.ArgumentList.Add(a);
        using (var p = Process.Start(psi)!)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            Assert.True(p.WaitForExit(240_000), "soffice did not finish in 4 minutes");
            Assert.True(p.ExitCode == 0, $"soffice exit {p.ExitCode}: {stdout.Result} {stderr.Result}");
        }
        var pdftotext = ExternalTools.Find("pdftotext", "poppler-utils");
        return files.Select(f =>
        {
            var pdf = Path.Combine(outDir, Path.GetFileNameWithoutExtension(f) + ".pdf");
            Assert.True(File.Exists(pdf), $"LibreOffice made no PDF of {f}");
            var psi2 = new ProcessStartInfo(pdftotext) { RedirectStandardOutput = true };
            psi2.ArgumentList.Add(pdf);
            psi2.ArgumentList.Add("-");
            using var p = Process.Start(psi2)!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            // Table cells wrap inside words ("街道党\n工委"): compare without line breaks and spaces.
            return (f, string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
        }).ToList();
    }
}
