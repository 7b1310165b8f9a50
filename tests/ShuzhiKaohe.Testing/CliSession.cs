using Xunit;

namespace ShuzhiKaohe.Testing;

/// <summary>
/// One end-to-end conversation with the real executable: its own data folder and database, verbs that must
/// succeed (<see cref="Ok"/>, with --json) or be refused citing an article (<see cref="Refused"/>).
/// </summary>
public sealed class CliSession : IDisposable
{
    public CliSession(string prefix)
    {
        Dir = new TempDir(prefix);
        Db = Dir.File("shuzhi.db");
        Process = new ShuzhiProcess(Dir.Path);
    }

    public TempDir Dir { get; }
    public string Db { get; }
    public ShuzhiProcess Process { get; }

    /// <summary>Runs a verb on this session's database, whatever its outcome.</summary>
    public ProcessResult Run(params string[] args) => Process.Run([.. args, "--db", Db]);

    /// <summary>Runs a verb with --json and asserts it exited 0.</summary>
    public ProcessResult Ok(params string[] args)
    {
        var r = Process.Run([.. args, "--db", Db, "--json"]);
        Assert.True(r.ExitCode == 0, $"shuzhi {string.Join(' ', args)}\n{r}");
        return r;
    }

    /// <summary>Runs a verb and asserts it was refused (exit 1) with a message starting with the article.</summary>
    public ProcessResult Refused(string article, params string[] args)
    {
        var r = Run(args);
        Assert.True(r.ExitCode == 1, $"expected exit 1 for shuzhi {string.Join(' ', args)}\n{r}");
        Assert.StartsWith(article, r.Stderr.Trim());
        return r;
    }

    /// <summary>Runs SQL on the session's database behind the program's back (what a tamper test does).</summary>
    public void Sql(string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>A county and its streets from the real division file, inserted as an import would leave them.</summary>
    public IReadOnlyList<(string Code, string Name)> LoadCounty(string countyCode)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=False");
        c.Open();
        return DivisionSeed.LoadCounty(c, countyCode);
    }

    public void Dispose() => Dir.Dispose();
}
