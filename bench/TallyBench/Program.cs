using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;

// The ballot tally benchmark (issue 5). See bench/README.md.
//   whole process: `shuzhi ballot tally` over one campaign of 100 assessees × 5,000 sheets (500,000 marks)
//                  against MinimalTally running the equivalent GROUP BY over a bare table of the same marks;
//   --national:    the in-process tally of one campaign of 1,000 assessees × 5,000 sheets (5,000,000 marks) in a
//                  database that also holds the 44,703 real organisations of the division file.
//   --db FILE:     the in-process tally of every campaign of a generated database (bench/generate.sh, issue 11) against
//                  one bare GROUP BY over the same marks exported to a table of their own.
var options = args.ToHashSet(StringComparer.Ordinal);
int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();
var runs = Arg("--runs", 15);
var root = FindRoot();
var results = Directory.CreateDirectory(Path.Combine(root, "bench", "results")).FullName;
var report = new StringBuilder();
void Say(string line)
{
    Console.WriteLine(line);
    report.AppendLine(line);
}

Say($"# Tally benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load {LoadAverage()}");
var generated = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault();
if (generated is not null) EveryCampaign(Path.GetFullPath(generated));
else if (!options.Contains("--national-only")) WholeProcess();
if (options.Contains("--national") || options.Contains("--national-only")) InProcess();
File.WriteAllText(Path.Combine(results, "tally-bench.md"), report.ToString());
return 0;

void WholeProcess()
{
    const int assessees = 100, sheets = 5000;
    var shuzhi = Path.Combine(root, "src", "Host", "ShuzhiKaohe.Host", "bin", "Release", "net10.0", "shuzhi");
    var minimal = Path.Combine(root, "bench", "MinimalTally", "bin", "Release", "net10.0", "MinimalTally");
    foreach (var exe in new[] { shuzhi, minimal })
        if (!File.Exists(exe)) throw new InvalidOperationException($"{exe} missing: build Release first (see bench/README.md)");
    var db = Fresh(Path.Combine(results, "tally.db"));
    var bare = Fresh(Path.Combine(results, "bare.db"));
    var env = new Dictionary<string, string> { ["XDG_DATA_HOME"] = Directory.CreateDirectory(Path.Combine(results, "xdg")).FullName };
    Run(shuzhi, env, "db", "init", "--db", db);
    using (var c = Open(db))
    {
        using var tx = c.BeginTransaction();
        Exec(c, tx, "INSERT INTO organisation(code, name, sector, level) VALUES ('B00', '基准县', 'localities', 3)");
        for (var k = 1; k <= assessees; k++)
            Exec(c, tx, $"INSERT INTO organisation(code, name, parent_code, sector, level) VALUES ('B{k:D5}', '基准街道{k}', 'B00', 'localities', 4)");
        tx.Commit();
    }
    var id = JsonDocument.Parse(Run(shuzhi, env, "campaign", "create", "--organiser", "B00", "--year", "2023", "--db", db, "--json")).RootElement.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
    Run(shuzhi, env, "campaign", "advance", "--campaign", id, "--db", db);
    Run(shuzhi, env, "campaign", "advance", "--campaign", id, "--db", db);
    Run(shuzhi, env, "ballot", "issue", "--campaign", id, "--count", sheets.ToString(CultureInfo.InvariantCulture), "--db", db);

    var csv = Path.Combine(results, "ballots.csv");
    using (var w = new StreamWriter(csv))
    using (var c = Open(bare))
    {
        Exec(c, null, "CREATE TABLE marks(sheet TEXT NOT NULL, org_code TEXT NOT NULL, mark TEXT NOT NULL)");
        using var tx = c.BeginTransaction();
        using var ins = c.CreateCommand();
        ins.Transaction = tx;
        ins.CommandText = "INSERT INTO marks VALUES ($s, $o, $m)";
        var ps = new[] { ins.Parameters.Add("$s", SqliteType.Text), ins.Parameters.Add("$o", SqliteType.Text), ins.Parameters.Add("$m", SqliteType.Text) };
        w.WriteLine("sheet,org_code,mark");
        for (var s = 1; s <= sheets; s++)
            for (var k = 1; k <= assessees; k++)
            {
                var mark = Mark(s, k);
                w.Write($"S{s:D5},B{k:D5},{mark}\n");
                ps[0].Value = $"S{s:D5}";
                ps[1].Value = $"B{k:D5}";
                ps[2].Value = mark;
                ins.ExecuteNonQuery();
            }
        tx.Commit();
    }
    var import = Stopwatch.StartNew();
    Run(shuzhi, env, "ballot", "import", "--campaign", id, csv, "--db", db);
    Say($"setup: `shuzhi ballot import` of {assessees * sheets:N0} marks ({sheets:N0} sheets) as one process: {import.Elapsed.TotalSeconds:0.00} s");

    using (var c = Open(db))
        Say($"plan: {string.Join(" | ", Plan(c, BallotService.TallyQuery, ("$c", long.Parse(id, CultureInfo.InvariantCulture))))}");
    using (var c = Open(bare))
        Say($"baseline plan: {string.Join(" | ", Plan(c, "SELECT org_code, mark, count(*) FROM marks GROUP BY org_code, mark"))}");

    // Same answer?
    var tally = JsonDocument.Parse(Run(shuzhi, env, "ballot", "tally", "--campaign", id, "--db", db, "--json")).RootElement;
    var ours = tally.GetProperty("assessees").EnumerateArray().Sum(a => a.GetProperty("good").GetInt64() + a.GetProperty("fairly_good").GetInt64()
                                                                         + a.GetProperty("average").GetInt64() + a.GetProperty("poor").GetInt64());
    var theirs = Run(minimal, env, bare).Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(l => long.Parse(l.Split(',')[2], CultureInfo.InvariantCulture));
    if (ours != theirs || ours != (long)assessees * sheets) throw new InvalidOperationException($"counts differ: shuzhi {ours}, minimal {theirs}");

    Compare("Release build", shuzhi, minimal);
    var r2rShuzhi = Path.Combine(results, "shuzhi-r2r", "shuzhi");
    var r2rMinimal = Path.Combine(results, "minimal-r2r", "MinimalTally");
    if (options.Contains("--published"))
    {
        foreach (var exe in new[] { r2rShuzhi, r2rMinimal })
            if (!File.Exists(exe)) throw new InvalidOperationException($"{exe} missing: publish with ReadyToRun first (see bench/README.md)");
        Compare("ReadyToRun publish", r2rShuzhi, r2rMinimal);
    }

    void Compare(string what, string ours, string baseline)
    {
        var a = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < runs + 2; i++)
        {
            var ta = Time(() => Run(ours, env, "ballot", "tally", "--campaign", id, "--db", db, "--json"));
            var tb = Time(() => Run(baseline, env, bare));
            if (i < 2) continue; // warm the page cache and the runtime's files
            a.Add(ta);
            b.Add(tb);
        }
        Say($"## {what}");
        Say($"`shuzhi ballot tally` (whole process, {runs} runs): median {Median(a):0} ms, min {a.Min():0} ms");
        Say($"MinimalTally GROUP BY over the bare table (whole process): median {Median(b):0} ms, min {b.Min():0} ms");
        Say($"ratio (median/median): {Median(a) / Median(b):0.00}× (target ≤ 1.5×); ratio of minima {a.Min() / b.Min():0.00}×");
    }
}

void InProcess()
{
    const int assessees = 1000, sheets = 5000, chunk = 250;
    var db = Fresh(Path.Combine(results, "national.db"));
    var services = new ServiceCollection();
    services.AddLogging();
    var plugins = PluginBootstrapper.Discover(new PluginLoadOptions([Path.Combine(root, "plugins")]));
    services.AddSingleton(new ShuzhiKaohe.Core.Security.DatabaseCreator("bench")); // the operator that creates the database is its administrator
    services.AddShuzhiCore(new AppPaths(results, AppContext.BaseDirectory), new DatabaseOptions(db), plugins, new OperatorContext("bench", FrontEnd.Test));
    using var sp = services.BuildServiceProvider();
    var setup = Stopwatch.StartNew();
    using (var c = sp.GetRequiredService<Database>().Open())
    {
        using var tx = c.BeginTransaction();
        using var ins = c.CreateCommand();
        ins.Transaction = tx;
        ins.CommandText = "INSERT INTO organisation(code, name, parent_code, sector, level, kind, is_grouping) VALUES ($c, $n, nullif($p, ''), 'localities', $l, $k, $g)";
        foreach (var line in File.ReadLines(Path.Combine(root, "..", "shared", "data", "divisions-2023.csv")).Skip(1))
        {
            var f = line.Split(',');
            var grouping = f[1] is "市辖区" or "县" or "省直辖县级行政区划" or "自治区直辖县级行政区划";
            ins.Parameters.Clear();
            ins.Parameters.AddWithValue("$c", f[0]);
            ins.Parameters.AddWithValue("$n", f[1]);
            ins.Parameters.AddWithValue("$p", f[2]);
            ins.Parameters.AddWithValue("$l", int.Parse(f[3], CultureInfo.InvariantCulture));
            ins.Parameters.AddWithValue("$k", grouping ? "grouping" : "committee");
            ins.Parameters.AddWithValue("$g", grouping ? 1 : 0);
            ins.ExecuteNonQuery();
        }
        Exec(c, tx, "INSERT INTO organisation(code, name, sector, level) VALUES ('N00', '基准组织者', 'localities', 2)");
        for (var k = 1; k <= assessees; k++)
            Exec(c, tx, $"INSERT INTO organisation(code, name, parent_code, sector, level) VALUES ('N{k:D5}', '基准单位{k}', 'N00', 'localities', 3)");
        tx.Commit();
    }
    var campaigns = sp.GetRequiredService<CampaignService>();
    var ballots = sp.GetRequiredService<BallotService>();
    var id = campaigns.Create("N00", 2023).Value.Campaign.Id;
    campaigns.Advance(id);
    campaigns.Advance(id);
    var csv = Path.Combine(results, "national-chunk.csv");
    for (var from = 1; from <= sheets; from += chunk)
    {
        using (var w = new StreamWriter(csv))
            for (var s = from; s < from + chunk; s++)
                for (var k = 1; k <= assessees; k++)
                    w.Write($"S{s:D5},N{k:D5},{Mark(s, k)}\n");
        ballots.Import(id, csv);
    }
    Say($"national: {assessees:N0} assessees × {sheets:N0} sheets = {(long)assessees * sheets:N0} marks keyed through BallotService.Import in {setup.Elapsed.TotalSeconds:0} s, beside 44,703 real organisations");
    ballots.Tally(id);
    var times = Enumerable.Range(0, 5).Select(_ => Time(() => ballots.Tally(id))).ToList();
    Say($"in-process BallotService.Tally over {(long)assessees * sheets:N0} marks: median {Median(times):0} ms, min {times.Min():0} ms");
    var verify = Time(() => { if (!ballots.Verify(id).Ok) throw new InvalidOperationException("verify failed"); });
    Say($"in-process BallotService.Verify over the same: {verify:0} ms");
}

void EveryCampaign(string db)
{
    if (!File.Exists(db)) throw new InvalidOperationException($"{db} missing: make it with bench/generate.sh");
    var services = new ServiceCollection();
    services.AddLogging();
    var plugins = PluginBootstrapper.Discover(new PluginLoadOptions([Path.Combine(root, "plugins")]));
    // The generator's operator: the administrator of the database it made.
    services.AddShuzhiCore(new AppPaths(Path.GetDirectoryName(db)!, AppContext.BaseDirectory), new DatabaseOptions(db), plugins, new OperatorContext("generator", FrontEnd.Test));
    using var sp = services.BuildServiceProvider();
    var ballots = sp.GetRequiredService<BallotService>();
    var ids = sp.GetRequiredService<CampaignService>().List().Select(c => c.Id).ToList();
    long Ours()
    {
        long marks = 0;
        foreach (var id in ids)
            marks += ballots.Tally(id).Value.Assessees.Sum(a => (long)a.Counts.Good + a.Counts.FairlyGood + a.Counts.Average + a.Counts.Poor);
        return marks;
    }

    // The same marks, as (campaign, org_code, mark), in a bare table of a database of their own.
    var bare = Fresh(Path.Combine(results, "every-campaign-bare.db"));
    using (var c = Open(bare))
    {
        Exec(c, null, $"ATTACH DATABASE '{db.Replace("'", "''", StringComparison.Ordinal)}' AS g");
        Exec(c, null, "CREATE TABLE marks(campaign INTEGER NOT NULL, org_code TEXT NOT NULL, mark INTEGER NOT NULL)");
        Exec(c, null, "INSERT INTO marks SELECT m.campaign_id, e.org_code, m.mark FROM g.ballot_mark m JOIN g.roster_entry e ON e.id = m.entry_id ORDER BY m.sheet_id");
        Exec(c, null, "DETACH DATABASE g");
    }
    const string Reference = "SELECT campaign, org_code, mark, count(*) FROM marks GROUP BY campaign, org_code, mark";
    long Theirs()
    {
        using var c = Open(bare);
        using var cmd = c.CreateCommand();
        cmd.CommandText = Reference;
        using var r = cmd.ExecuteReader();
        long marks = 0;
        while (r.Read()) marks += r.GetInt64(3);
        return marks;
    }

    long ours = Ours(), theirs = Theirs(); // warm both, and the same answer?
    if (ours != theirs) throw new InvalidOperationException($"counts differ: BallotService.Tally {ours}, bare GROUP BY {theirs}");
    var a = new List<double>();
    var b = new List<double>();
    for (var i = 0; i < Math.Min(runs, 7); i++)
    {
        a.Add(Time(() => Ours()));
        b.Add(Time(() => Theirs()));
    }
    Say($"## Every campaign of {Path.GetFileName(db)}: {ids.Count:N0} campaigns, {ours:N0} marks");
    using (var c = Open(bare))
        Say($"baseline plan: {string.Join(" | ", Plan(c, Reference))}");
    Say($"in-process BallotService.Tally of each campaign in turn ({a.Count} runs): median {Median(a):0} ms, min {a.Min():0} ms");
    Say($"one bare GROUP BY over the same marks (in process, same runs): median {Median(b):0} ms, min {b.Min():0} ms");
    Say($"ratio (median/median): {Median(a) / Median(b):0.00}× (target ≤ 1.5×)");
}

static string Mark(int sheet, int k) => ((sheet * 31 + k * 17) % 7) switch { 0 or 1 or 2 => "好", 3 or 4 => "较好", 5 => "一般", _ => "差" };

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}

static double Time(Action a)
{
    var sw = Stopwatch.StartNew();
    a();
    return sw.Elapsed.TotalMilliseconds;
}

static string Run(string exe, IDictionary<string, string> env, params string[] args)
{
    var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in args) psi.ArgumentList.Add(a);
    foreach (var (k, v) in env) psi.Environment[k] = v;
    using var p = Process.Start(psi)!;
    var err = p.StandardError.ReadToEndAsync();
    var output = p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} {string.Join(' ', args)} exited {p.ExitCode}: {err.Result}");
    return output;
}

static SqliteConnection Open(string path)
{
    var c = new SqliteConnection($"Data Source={path};Pooling=False");
    c.Open();
    return c;
}

static void Exec(SqliteConnection c, SqliteTransaction? tx, string sql)
{
    using var cmd = c.CreateCommand();
    cmd.Transaction = tx;
    cmd.CommandText = sql;
    cmd.ExecuteNonQuery();
}

static IEnumerable<string> Plan(SqliteConnection c, string sql, params (string, object)[] ps)
{
    using var cmd = c.CreateCommand();
    cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
    foreach (var (n, v) in ps) cmd.Parameters.AddWithValue(n, v);
    using var r = cmd.ExecuteReader();
    var list = new List<string>();
    while (r.Read()) list.Add(r.GetString(3));
    return list;
}

static string Fresh(string path)
{
    foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
    return path;
}

static string FindRoot()
{
    for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "ShuzhiKaohe.sln"))) return d.FullName;
    throw new InvalidOperationException("run from inside the repository (ShuzhiKaohe.sln not found above the current directory)");
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
