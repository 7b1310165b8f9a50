using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Reliability.Tests;

/// <summary>
/// Issue 10 §4: `shuzhi db backup` while a clerk keeps keying sheets gives a consistent copy — intact, its audit
/// chain and ballot seal verifying — holding every sheet committed before the backup began and none half-written.
/// </summary>
public sealed class BackupUnderLoadTests : IDisposable
{
    private readonly TempDir _dir = new("backup-load");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public void Backups_taken_while_sheets_are_keyed_are_consistent_copies()
    {
        var db = _dir.File("live.db");
        var (campaign, streets) = Scenario.InSession(db, 1_000_000);
        using var cancel = new CancellationTokenSource();
        var committed = 0;
        Exception? failed = null;
        var writer = new Thread(() =>
        {
            try { Write(); }
            catch (Exception e) { failed = e; }
        });
        void Write()
        {
            using var core = new CoreHarness(db, operatorName: Scenario.Me);
            var ballots = core.Get<BallotService>();
            for (var n = 0; !cancel.IsCancellationRequested; n++)
            {
                ballots.AddSheet(campaign, new BallotSheetInput($"L{n}", false, streets.ToDictionary(c => c, c => (Grade?)Grade.Good)));
                Interlocked.Exchange(ref committed, n + 1);
            }
        }
        writer.Start();
        var shuzhi = new Shuzhi(_dir.Dir("home"));
        try
        {
            for (var b = 0; b < 3; b++)
            {
                SpinWait.SpinUntil(() => Volatile.Read(ref committed) >= 20 * (b + 1) || !writer.IsAlive, TimeSpan.FromSeconds(60));
                var before = Volatile.Read(ref committed);
                var copy = _dir.File($"copy{b}.db");
                var r = shuzhi.Run("db", "backup", copy, "--db", db);
                Assert.True(r.ExitCode == 0, r.ToString());
                Shuzhi.AssertClean(r, "db backup");
                Assert.Equal("ok", Scenario.Text(copy, "PRAGMA integrity_check"));
                var sheets = Scenario.Scalar(copy, "SELECT count(*) FROM ballot_sheet");
                Assert.True(sheets >= before, $"backup {b} holds {sheets} sheets, {before} were committed before it began");
                Assert.Equal(sheets * streets.Count, Scenario.Scalar(copy, "SELECT count(*) FROM ballot_mark"));
                Assert.Equal(0, shuzhi.Run("ballot", "verify", "--campaign", campaign.ToString(), "--db", copy).ExitCode);
                var audit = shuzhi.Run("audit", "verify", "--db", copy);
                Assert.True(audit.ExitCode == 0, audit.ToString());
            }
        }
        finally
        {
            cancel.Cancel();
            writer.Join(TimeSpan.FromSeconds(30));
        }
        Assert.True(failed is null, failed?.ToString());
    }
}
