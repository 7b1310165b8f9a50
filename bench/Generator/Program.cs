using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Bench.Generator;
using ShuzhiKaohe.Core;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

// bench/generate.sh OUT.db [--seed N] [--scale 1|0.33|0.1] [--year 2025] [--json] [--verify] [--digest] [--data DIR]
//                  [--tree-only]   (writes the scale's part of the real tree as one CSV to OUT instead: bench/import.sh)
//                  [--digest-only] (prints the content digest of the existing database OUT and generates nothing)
// See bench/README.md.
const string Usage = "用法：generate.sh OUT.db [--seed N] [--scale 1|0.33|0.1] [--year 2025] [--json] [--verify] [--digest] [--data DIR] [--tree-only | --digest-only]";
if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var output = Path.GetFullPath(args[0]);
var flags = args.Skip(1).ToList();
if (flags.SequenceEqual(["--digest-only"]))
{
    if (!File.Exists(output))
    {
        Console.Error.WriteLine($"{output} 不存在");
        return 2;
    }
    using var existing = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={output};Mode=ReadOnly;Pooling=False");
    existing.Open();
    Console.WriteLine(ContentDigest.Of(existing));
    return 0;
}
string? Option(string name)
{
    var i = flags.IndexOf(name);
    if (i < 0) return null;
    if (i + 1 >= flags.Count) throw new ArgumentException($"{name} 缺少取值");
    var value = flags[i + 1];
    flags.RemoveRange(i, 2);
    return value;
}
bool Flag(string name) => flags.Remove(name);
long seed;
double scale;
int year;
string data;
bool json, verify, digest, treeOnly;
try
{
    seed = long.Parse(Option("--seed") ?? "1", CultureInfo.InvariantCulture);
    scale = double.Parse(Option("--scale") ?? "1", CultureInfo.InvariantCulture);
    year = int.Parse(Option("--year") ?? "2025", CultureInfo.InvariantCulture);
    data = Option("--data") ?? Path.Combine(FindRoot(), "..", "shared", "data");
    (json, verify, digest, treeOnly) = (Flag("--json"), Flag("--verify"), Flag("--digest"), Flag("--tree-only"));
    if (flags.Count > 0) throw new ArgumentException($"未知的参数：{string.Join(' ', flags)}");
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"{e.Message}\n{Usage}");
    return 2;
}
string[] files = [Path.Combine(data, "divisions-2023.csv"), Path.Combine(data, "villages-2023.csv.gz")];
foreach (var f in files)
    if (!File.Exists(f))
    {
        Console.Error.WriteLine($"找不到区划文件 {f}（--data 指定所在文件夹）");
        return 2;
    }
if (treeOnly)
{
    var whole = DivisionTree.Read(files);
    var part = whole.Subset(scale, seed);
    part.Write(output);
    Console.Error.WriteLine($"{output}：{part.Rows.Count:N0} / {whole.Rows.Count:N0} 行（规模 {scale}，种子 {seed}）");
    return 0;
}
if (File.Exists(output))
{
    Console.Error.WriteLine($"{output} 已存在：生成器只写新的数据库（请先删除或换一个文件名）");
    return 2;
}

var root = FindRoot();
var plugins = Path.Combine(root, "plugins");
if (!Directory.EnumerateFiles(plugins, "plugin.json", SearchOption.AllDirectories).Any())
{
    Console.Error.WriteLine($"{plugins} 中没有插件：请先构建 src/Host/ShuzhiKaohe.Host（bench/generate.sh 会做）");
    return 2;
}
const string Operator = "generator";
var services = new ServiceCollection();
services.AddLogging();
var catalog = PluginBootstrapper.Discover(new PluginLoadOptions([plugins]));
services.AddSingleton(new DatabaseCreator(Operator)); // the account that creates the database is its first administrator
services.AddShuzhiCore(new AppPaths(Path.GetDirectoryName(output)!, AppContext.BaseDirectory), new DatabaseOptions(output), catalog,
    new OperatorContext(Operator, FrontEnd.Cli));
using var provider = services.BuildServiceProvider();

var clock = Stopwatch.StartNew();
var summary = new NationalGenerator(provider, new SynchronousProgress(line => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}")))
    .Generate(new GeneratorOptions(files, seed, scale, year));
var database = provider.GetRequiredService<Database>();
var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
string? contentDigest = null;
using (var c = database.Open())
{
    using (var cmd = c.CreateCommand())
    {
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        cmd.ExecuteNonQuery();
    }
    var tables = new List<string>();
    using (var cmd = c.CreateCommand())
    {
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        using var r = cmd.ExecuteReader();
        while (r.Read()) tables.Add(r.GetString(0));
    }
    foreach (var t in tables)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM \"{t}\"";
        var n = (long)cmd.ExecuteScalar()!;
        if (n > 0) counts[t] = n;
    }
    if (digest) contentDigest = ContentDigest.Of(c);
}
var generated = clock.Elapsed.TotalSeconds;
string? integrity = null;
AuditReport? audit = null;
double verifySeconds = 0;
if (verify)
{
    var v = Stopwatch.StartNew();
    using (var c = database.Open())
    using (var cmd = c.CreateCommand())
    {
        cmd.CommandText = "PRAGMA integrity_check";
        integrity = (string)cmd.ExecuteScalar()!;
    }
    audit = provider.GetRequiredService<AuditVerifier>().Verify();
    verifySeconds = v.Elapsed.TotalSeconds;
}
var size = new FileInfo(output).Length;
if (json)
{
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        database = output, summary.Seed, summary.Scale, summary.Year, seconds = Math.Round(generated, 1), bytes = size, summary.Phases,
        summary.Organisations, synthetic_organisations = summary.SyntheticOrganisations, summary.Secretaries, mid_year_changes = summary.MidYearChanges,
        campaigns = summary.Campaigns.Campaigns, assessees = summary.Campaigns.Assessees, sheets = summary.Campaigns.Sheets, marks = summary.Campaigns.Marks,
        tables = counts, integrity, audit_ok = audit?.Ok, audit_entries = audit?.Entries, audit_first_break = audit?.FirstBreak?.Message,
        verify_seconds = verify ? Math.Round(verifySeconds, 1) : (double?)null, digest = contentDigest,
    }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
}
else
{
    Console.WriteLine($"{output}：规模 {summary.Scale}，种子 {summary.Seed}，{summary.Year} 年度");
    Console.WriteLine($"用时 {generated:0.0} s（{string.Join("，", summary.Phases.Select(p => $"{p.Key} {p.Value:0.0} s"))}），文件 {size / 1048576.0:0.0} MB");
    Console.WriteLine($"组织 {summary.Organisations:N0}（其中合成 {summary.SyntheticOrganisations:N0}），书记任职 {summary.Secretaries:N0}（年中变动 {summary.MidYearChanges:N0}）");
    Console.WriteLine($"考核 {summary.Campaigns.Campaigns:N0} 次，考核对象 {summary.Campaigns.Assessees:N0}，测评票 {summary.Campaigns.Sheets:N0} 张，评价 {summary.Campaigns.Marks:N0} 条");
    foreach (var (t, n) in counts) Console.WriteLine($"  {t,-28} {n,12:N0}");
    if (verify) Console.WriteLine($"PRAGMA integrity_check：{integrity}；audit verify：{(audit!.Ok ? "通过" : "未通过：" + audit.FirstBreak!.Message)}（{audit.Entries:N0} 条，{verifySeconds:0.0} s）");
    if (contentDigest is not null) Console.WriteLine($"内容摘要 {contentDigest}");
}
return verify && (integrity != "ok" || audit is { Ok: false }) ? 1 : 0;

static string FindRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "ShuzhiKaohe.sln"))) return d.FullName;
    throw new InvalidOperationException("run from inside the repository (ShuzhiKaohe.sln not found above the program)");
}

/// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SynchronousProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
