using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ShuzhiKaohe.Bench.Generator;

/// <summary>One row of the real division files (<c>code,name,parent_code,level</c>).</summary>
public sealed record Division(string Code, string Name, string? Parent, int Level);

/// <summary>
/// The real division tree read from ../shared/data (CSV, plain or gzip), and the deterministic part of it a scale
/// takes: whole provinces in an order drawn from the seed until the share of organisations is reached; when even
/// the first province is more than the share (tiny scales), its cities in seeded order instead.
/// </summary>
public sealed class DivisionTree
{
    private DivisionTree(IReadOnlyList<Division> rows) => Rows = rows;

    /// <summary>In file order: every parent before its children.</summary>
    public IReadOnlyList<Division> Rows { get; }

    public static DivisionTree Read(IEnumerable<string> files)
    {
        var rows = new List<Division>(700_000);
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new FileNotFoundException($"区划文件不存在：{file}", file);
            using var stream = File.OpenRead(file);
            using var text = new StreamReader(file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream, Encoding.UTF8);
            var header = text.ReadLine();
            if (header is null || !header.StartsWith("code,name,parent_code,level", StringComparison.Ordinal))
                throw new InvalidDataException($"{file}：表头应为 code,name,parent_code,level，实为“{header}”");
            var line = 1;
            for (var s = text.ReadLine(); s is not null; s = text.ReadLine())
            {
                line++;
                var f = s.Split(',');
                if (f.Length != 4 || !int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var level))
                    throw new InvalidDataException($"{file} 第 {line} 行：应为 4 列 code,name,parent_code,level，实为“{s}”");
                rows.Add(new Division(f[0], f[1], f[2].Length == 0 ? null : f[2], level));
            }
        }
        return new DivisionTree(rows);
    }

    /// <summary>
    /// The part of the tree a scale takes (1 = all). <paramref name="onlyUnder"/> names level-2 codes to take
    /// instead (with their province), for tests that need a small, fixed tree.
    /// </summary>
    public DivisionTree Subset(double scale, long seed, IReadOnlyCollection<string>? onlyUnder = null)
    {
        if (scale >= 1 && onlyUnder is null) return this;
        var parent = Rows.ToDictionary(r => r.Code, r => r.Parent, StringComparer.Ordinal);
        var levels = Rows.ToDictionary(r => r.Code, r => r.Level, StringComparer.Ordinal);
        string? AncestorAt(string code, int level)
        {
            for (string? c = code; c is not null; c = parent[c])
                if (levels[c] == level) return c;
            return null;
        }
        var province = Rows.Select(r => AncestorAt(r.Code, 1)).ToArray();
        var city = Rows.Select(r => AncestorAt(r.Code, 2)).ToArray();
        var keepCities = new HashSet<string>(StringComparer.Ordinal);
        var keepProvinces = new HashSet<string>(StringComparer.Ordinal);
        if (onlyUnder is not null)
        {
            foreach (var c in onlyUnder)
            {
                if (!levels.TryGetValue(c, out var l) || l != 2) throw new ArgumentException($"{c} 不是区划文件中的第 2 级（市）代码");
                keepCities.Add(c);
            }
        }
        else
        {
            var target = (int)Math.Ceiling(scale * Rows.Count);
            var sizes = province.Where(p => p is not null).GroupBy(p => p!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var taken = 0;
            foreach (var p in sizes.Keys.OrderBy(p => Rng.For(seed, "province:" + p).Next()).ThenBy(p => p, StringComparer.Ordinal))
            {
                if (taken >= target * 0.9) break;
                if (taken + sizes[p] > target * 1.1) continue;
                keepProvinces.Add(p);
                taken += sizes[p];
            }
            if (taken < target * 0.9)
            {
                // Smaller than a province: cities of the first province in the seeded order that was not taken whole.
                var citySizes = city.Where(c => c is not null).GroupBy(c => c!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                var first = sizes.Keys.Where(p => !keepProvinces.Contains(p)).OrderBy(p => Rng.For(seed, "province:" + p).Next()).First();
                foreach (var c in citySizes.Keys.Where(c => AncestorAt(c, 1) == first).OrderBy(c => Rng.For(seed, "city:" + c).Next()))
                {
                    if (taken >= target * 0.9 && keepCities.Count > 0) break;
                    keepCities.Add(c);
                    taken += citySizes[c];
                }
            }
        }
        foreach (var c in keepCities) keepProvinces.Remove(AncestorAt(c, 1)!); // a province taken by city is not taken whole
        var provincesOfCities = keepCities.Select(c => AncestorAt(c, 1)!).ToHashSet(StringComparer.Ordinal);
        var rows = new List<Division>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var r = Rows[i];
            if (province[i] is { } p && keepProvinces.Contains(p)) rows.Add(r);
            else if (city[i] is { } c && keepCities.Contains(c)) rows.Add(r);
            else if (r.Level == 1 && provincesOfCities.Contains(r.Code)) rows.Add(r);
        }
        return new DivisionTree(rows);
    }

    /// <summary>The share of each province's level-2 units that this tree holds (1 for a province taken whole).</summary>
    public IReadOnlyDictionary<string, double> ProvinceShares(DivisionTree whole)
    {
        var mine = Rows.Where(r => r.Level == 2).GroupBy(r => r.Parent!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var all = whole.Rows.Where(r => r.Level == 2).GroupBy(r => r.Parent!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return Rows.Where(r => r.Level == 1).ToDictionary(r => r.Code,
            r => all.TryGetValue(r.Code, out var n) && n > 0 ? (double)mine.GetValueOrDefault(r.Code) / n : 1.0, StringComparer.Ordinal);
    }

    public void Write(string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("code,name,parent_code,level\n");
        foreach (var r in Rows) w.Write($"{r.Code},{r.Name},{r.Parent},{r.Level.ToString(CultureInfo.InvariantCulture)}\n");
    }
}
