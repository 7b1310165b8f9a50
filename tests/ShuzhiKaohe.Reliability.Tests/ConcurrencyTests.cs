using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Testing;
using Xunit.Abstractions;

namespace ShuzhiKaohe.Reliability.Tests;

/// <summary>
/// Issue 10 §1: eight operators at once on one database for 30 seconds, each a stream of real `shuzhi` processes —
/// four clerks keying ballot sheets (and racing each other for the same serials), four editors recording progress on
/// the same rectification items at the version they read. Afterwards every accepted change is there exactly once,
/// every refused one was told why (a duplicate serial, or a row version that moved), no update was silently lost, and
/// nobody ever saw "database is locked" or a stack trace.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new("concurrency");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static TimeSpan Duration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("SHUZHI_TORTURE_SECONDS"), out var s) && s > 0 ? s : 30);

    [Fact]
    public void Eight_writers_for_thirty_seconds_lose_nothing_duplicate_nothing_and_never_see_a_lock()
    {
        var db = _dir.File("shared.db");
        var (campaign, streets) = Scenario.InSession(db, 1_000_000);
        var items = Scenario.RectificationItems(db, campaign, streets, 2);
        var id = campaign.ToString();
        var marks = string.Join(",", streets.Select((c, k) => $"{c}={(k % 4) switch { 0 => "好", 1 => "较好", 2 => "一般", _ => "差" }}"));

        var acceptedSheets = new ConcurrentBag<string>();
        var refusedDuplicates = new ConcurrentBag<string>();
        var acceptedNotes = new ConcurrentDictionary<long, ConcurrentBag<string>>(items.ToDictionary(i => i, _ => new ConcurrentBag<string>()));
        var conflicts = 0;
        var runs = 0;
        var problems = new ConcurrentBag<string>();
        var until = Stopwatch.StartNew();

        void Check(ProcessResult r, string what)
        {
            Interlocked.Increment(ref runs);
            try { Shuzhi.AssertClean(r, what); }
            catch (Exception e) { problems.Add(e.Message); }
        }

        void Clerk(int w)
        {
            var shuzhi = new Shuzhi(_dir.Dir($"clerk{w}"));
            for (var n = 0; until.Elapsed < Duration; n++)
            {
                // Every third sheet is a serial all four clerks race for: exactly one may have it.
                var serial = n % 3 == 2 ? $"RACE-{n / 3}" : $"W{w}-{n}";
                var r = shuzhi.Run("ballot", "add", "--campaign", id, "--sheet", serial, "--marks", marks, "--db", db);
                Check(r, $"clerk {w} sheet {serial}");
                if (r.ExitCode == 0) acceptedSheets.Add(serial);
                else if (r.ExitCode == 1 && r.Stderr.Contains(serial) && r.Stderr.Contains("已录入")) refusedDuplicates.Add(serial);
                else problems.Add($"clerk {w} sheet {serial}: {r}");
            }
        }

        void Editor(int w)
        {
            var shuzhi = new Shuzhi(_dir.Dir($"editor{w}"));
            for (var n = 0; until.Elapsed < Duration; n++)
            {
                var item = items[(w + n) % items.Count];
                var list = shuzhi.Run("rectify", "list", "--campaign", id, "--db", db, "--json");
                Check(list, $"editor {w} list");
                if (list.ExitCode != 0) { problems.Add($"editor {w} list: {list}"); continue; }
                var version = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == item).GetProperty("row_version").GetInt64();
                var note = $"editor{w}-{n}";
                var r = shuzhi.Run("rectify", "progress", "--id", item.ToString(), "--note", note, "--if-version", version.ToString(), "--db", db);
                Check(r, $"editor {w} progress");
                if (r.ExitCode == 0) acceptedNotes[item].Add(note);
                else if (r.ExitCode == 1 && r.Stderr.Contains("已被其他操作员修改")) Interlocked.Increment(ref conflicts);
                else problems.Add($"editor {w} progress {item}@{version}: {r}");
            }
        }

        var workers = Enumerable.Range(0, 4).Select(w => new Thread(() => Clerk(w)))
            .Concat(Enumerable.Range(0, 4).Select(w => new Thread(() => Editor(w)))).ToList();
        var initialVersions = items.ToDictionary(i => i, i => Scenario.Scalar(db, $"SELECT row_version FROM rectification_item WHERE id = {i}"));
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        output.WriteLine($"{runs} processes in {until.Elapsed.TotalSeconds:0} s: {acceptedSheets.Count} sheets accepted, {refusedDuplicates.Count} duplicate serials refused, " +
                         $"{acceptedNotes.Values.Sum(b => b.Count)} progress notes accepted, {conflicts} stale versions refused");

        Assert.True(problems.IsEmpty, string.Join("\n\n", problems.Take(5)));
        // Every accepted sheet is there, once; nothing else is.
        var stored = new List<string>();
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT serial FROM ballot_sheet";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) stored.Add(reader.GetString(0));
        }
        Assert.Equal(acceptedSheets.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        Assert.Equal(stored.Count, stored.Distinct().Count());
        // A serial refused as a duplicate was taken by another clerk.
        Assert.All(refusedDuplicates, s => Assert.Contains(s, acceptedSheets));
        Assert.Equal((long)acceptedSheets.Count * streets.Count, Scenario.Scalar(db, "SELECT count(*) FROM ballot_mark"));
        // Every accepted progress note is there once, and each item's version moved once per accepted change: no lost update.
        foreach (var item in items)
        {
            var notes = new List<string>();
            using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
            {
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = $"SELECT note FROM rectification_progress WHERE item_id = {item}";
                using var reader = cmd.ExecuteReader();
                while (reader.Read()) notes.Add(reader.GetString(0));
            }
            Assert.Equal(acceptedNotes[item].Order(StringComparer.Ordinal), notes.Order(StringComparer.Ordinal));
            Assert.Equal(initialVersions[item] + acceptedNotes[item].Count, Scenario.Scalar(db, $"SELECT row_version FROM rectification_item WHERE id = {item}"));
        }
        Assert.True(acceptedSheets.Count > 0 && acceptedNotes.Values.Sum(b => b.Count) > 0, "the writers got nothing done");
        // The sheets still match their seal, and the audit chain holds.
        var shuzhi = new Shuzhi(_dir.Dir("after"));
        Assert.Equal(0, shuzhi.Run("ballot", "verify", "--campaign", id, "--db", db).ExitCode);
        var audit = shuzhi.Run("audit", "verify", "--db", db);
        Assert.True(audit.ExitCode == 0, audit.ToString());
    }
}
