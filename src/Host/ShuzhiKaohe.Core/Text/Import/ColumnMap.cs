using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Text.Import;

/// <summary>
/// Finds the columns an import needs in a header row, by their English names or the Chinese ones organisation
/// departments use (代码, 名称, 上级代码 …), in any order; extra columns are ignored.
/// </summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, int> _index;

    private ColumnMap(Dictionary<string, int> index) => _index = index;

    /// <param name="columns">Each column's canonical name and the other names it may have.</param>
    public static ColumnMap Resolve(IReadOnlyList<string> header, IReadOnlyDictionary<string, string[]> columns, IReadOnlyCollection<string> required, string file)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, others) in columns)
        {
            byName[canonical] = canonical;
            foreach (var o in others) byName[Normalise(o)] = canonical;
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (!byName.TryGetValue(Normalise(header[i]), out var canonical)) continue;
            if (!index.TryAdd(canonical, i))
                throw new InvalidInputException($"{file} 第1行（表头）：列 {canonical} 出现了两次（第 {index[canonical] + 1} 列和第 {i + 1} 列）");
        }
        var missing = required.Where(r => !index.ContainsKey(r)).ToList();
        if (missing.Count > 0)
            throw new InvalidInputException(
                $"{file} 第1行（表头）缺少列：{string.Join(", ", missing)}。表头为：{string.Join(", ", header)}；至少需要 {string.Join(", ", required)}");
        return new ColumnMap(index);
    }

    /// <summary>The column's position, or -1 when the file does not have it.</summary>
    public int this[string canonical] => _index.TryGetValue(canonical, out var i) ? i : -1;

    public bool Has(string canonical) => _index.ContainsKey(canonical);

    private static string Normalise(string name) =>
        TextRepair.Field(name.Trim('\uFEFF')).ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
}
