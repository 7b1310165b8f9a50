using System.Diagnostics;
using ShuzhiKaohe.Core.Text;
using ShuzhiKaohe.Core.Text.Import;
using ShuzhiKaohe.Core.Text.Tabular;

// Usage: dotnet run -c Release --project bench/ImportBench -- FILE
// Prints how long each layer of reading the file takes in process, to find where an import spends its time.
var file = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "data", "divisions-2023.csv");
for (var round = 0; round < 3; round++)
{
    var clock = Stopwatch.StartNew();
    long rows = 0, chars = 0;
    using (var t = TabularFile.Open(file))
        while (t.Reader.Read()) { rows++; chars += t.Reader.Field(0).Length; }
    var read = clock.Elapsed.TotalSeconds;

    clock.Restart();
    var problems = 0;
    using (var t = TabularFile.Open(file))
        while (t.Reader.Read())
            for (var f = 0; f < t.Reader.FieldCount; f++)
                if (FieldChecks.Problem(t.Reader.Field(f), "x") is not null) problems++;
    var checks = clock.Elapsed.TotalSeconds;

    clock.Restart();
    var repaired = 0;
    using (var t = TabularFile.Open(file))
        while (t.Reader.Read())
            if (TextRepair.RepairField(new string(t.Reader.Field(1)), out _)) repaired++;
    var repair = clock.Elapsed.TotalSeconds;

    clock.Restart();
    var codes = new Dictionary<string, int>(StringComparer.Ordinal);
    using (var t = TabularFile.Open(file))
        while (t.Reader.Read()) codes[new string(t.Reader.Field(0))] = codes.Count;
    var dict = clock.Elapsed.TotalSeconds;

    clock.Restart();
    var codes2 = new Dictionary<string, int>(new MarvinComparer());
    using (var t = TabularFile.Open(file))
        while (t.Reader.Read()) codes2[new string(t.Reader.Field(0))] = codes2.Count;
    var dict2 = clock.Elapsed.TotalSeconds;
    clock.Restart();
    var list = new List<string>();
    using (var t = TabularFile.Open(file))
        while (t.Reader.Read()) list.Add(new string(t.Reader.Field(0)));
    var strings = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"marvin dict {dict2:F3}s, strings only {strings:F3}s");
    Console.WriteLine($"rows {rows:N0}: read {read:F3}s, +field checks {checks:F3}s, +name repair {repair:F3}s ({repaired} repaired), +code dictionary {dict:F3}s; gen0 {GC.CollectionCount(0)} gen2 {GC.CollectionCount(2)}");
}

sealed class MarvinComparer : IEqualityComparer<string>
{
    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);
    public int GetHashCode(string s) => string.GetHashCode(s.AsSpan());
}
