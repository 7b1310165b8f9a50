using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>
/// The checks that need the whole file and the database (第三条: the tree decides who assesses whom, so it must
/// be a tree): every parent present in the file or the database, no cycles (also through organisations the file
/// moves), each level one below its parent's, and a move that changes a level only with the organisation's
/// children. Then each row is classified: new, changed, dissolved and listed again, or unchanged.
/// </summary>
internal sealed class OrganisationImportValidator(ImportedRows rows, ExistingOrganisations? existing, SectorShapes shapes)
{
    private const int Root = -1, InDatabase = -2, Missing = -3;
    private readonly int[] _parent = new int[rows.Count];
    private readonly Dictionary<string, int> _dbAncestorInFile = new(StringComparer.Ordinal);

    public ImportPlan Validate(SqliteConnection c, SqliteTransaction tx, bool dissolveMissing)
    {
        ResolveParents();
        var inCycle = FindCycles();
        CheckLevels(inCycle);
        if (existing is not null) CheckChildrenOfLevelChanges(c, tx);
        var actions = Classify();
        var dissolve = dissolveMissing && existing is not null ? ToDissolve() : [];
        return new ImportPlan(actions, dissolve, existing is null);
    }

    private Existing? InDb(ReadOnlySpan<char> code) =>
        existing is not null && existing.Lookup.TryGetValue(code, out var e) ? e : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ResolveParents()
    {
        for (var i = 0; i < rows.Count; i++)
        {
            ref var row = ref rows[i];
            if (row.Parent.IsNone) _parent[i] = Root;
            else if (row.ParentRow >= 0) _parent[i] = row.ParentRow;
            else if (rows.Parent(i).SequenceEqual(rows.Code(i)))
            {
                _parent[i] = Missing;
                rows.Reject(i, $"上级代码 {rows.Parent(i)} 就是它自己（上级关系成环）");
            }
            else if (rows.Find(rows.Parent(i)) is >= 0 and var j) _parent[i] = j;
            else if (InDb(rows.Parent(i)) is not null) _parent[i] = InDatabase;
            else
            {
                _parent[i] = Missing;
                rows.Reject(i, $"上级代码 {rows.Parent(i)} 不存在：文件和数据库中都没有这个组织");
            }
        }
    }

    /// <summary>The next row up, in the tree as it will be: the file's parent, or through the database's ancestors to a row of the file.</summary>
    private int Up(int i) => _parent[i] == InDatabase ? DatabaseAncestorInFile(rows.Parent(i)) : _parent[i];

    private int DatabaseAncestorInFile(ReadOnlySpan<char> code)
    {
        var memo = _dbAncestorInFile.GetAlternateLookup<ReadOnlySpan<char>>();
        if (memo.TryGetValue(code, out var known)) return known;
        var result = Root;
        string? current = code.ToString();
        var start = current;
        for (var depth = 0; depth < 64 && current is not null; depth++)
        {
            if (rows.Find(current) is >= 0 and var inFile) { result = inFile; break; }
            current = existing!.ByCode.TryGetValue(current, out var e) ? e.Parent : null;
        }
        return _dbAncestorInFile[start] = result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool[] FindCycles()
    {
        var n = rows.Count;
        var state = new byte[n]; // 0 unseen, 1 on the current walk, 2 done
        var inCycle = new bool[n];
        var walk = new List<int>();
        for (var start = 0; start < n; start++)
        {
            if (state[start] != 0) continue;
            walk.Clear();
            var k = start;
            while (k >= 0 && state[k] == 0)
            {
                state[k] = 1;
                walk.Add(k);
                k = Up(k);
            }
            if (k >= 0 && state[k] == 1)
            {
                var from = walk.IndexOf(k);
                var cycle = walk.GetRange(from, walk.Count - from);
                var text = string.Join(" → ", cycle.Append(k).Select(rows.CodeText));
                foreach (var x in cycle)
                {
                    inCycle[x] = true;
                    rows.Reject(x, $"上级关系成环：{text}");
                }
            }
            foreach (var w in walk) state[w] = 2;
        }
        return inCycle;
    }

    /// <summary>第三条 assessment runs level by level: a child is exactly one level below its parent in the same sector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckLevels(bool[] inCycle)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Level < 0 || inCycle[i] || _parent[i] == Missing) continue;
            var sector = rows.SectorOf(i);
            var top = shapes[sector].Top;
            if (_parent[i] == Root)
            {
                if (row.Level != top)
                    rows.Reject(i, $"没有上级的组织应在板块 {sector} 的最高层级 {top}，此处层级为 {row.Level}");
                continue;
            }
            int parentLevel;
            string parentSector, parentName;
            if (_parent[i] >= 0)
            {
                var p = _parent[i];
                if (rows[p].Level < 0) continue;
                (parentLevel, parentSector, parentName) = (rows[p].Level, rows.SectorOf(p), rows.Name(p).ToString());
            }
            else
            {
                var e = InDb(rows.Parent(i))!.Value;
                (parentLevel, parentSector, parentName) = (e.Level, e.Sector, e.Name);
            }
            // Another sector's tree hangs from a locality's organisation (e.g. a state enterprise under 国资委党委) at its own top level.
            var expected = parentSector == sector ? parentLevel + 1 : top;
            if (row.Level != expected)
                rows.Reject(i, $"层级 {row.Level} 与上级 {rows.Parent(i)}（{parentName}，层级 {parentLevel}）不符：应为 {expected}");
        }
    }

    private void CheckChildrenOfLevelChanges(SqliteConnection c, SqliteTransaction tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT code FROM organisation WHERE parent_code = $code";
        var code = cmd.Parameters.Add("$code", SqliteType.Text);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Level < 0 || InDb(rows.Code(i)) is not { } e || e.Level == rows[i].Level) continue;
            code.Value = rows.CodeText(i);
            var left = new List<string>();
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                    if (rows.Find(r.GetString(0)) < 0) left.Add(r.GetString(0));
            if (left.Count > 0)
                rows.Reject(i, $"层级由 {e.Level} 改为 {rows[i].Level}，但它在数据库中的 {left.Count} 个下属（如 {left[0]}）不在文件中，层级将不符：请一并导入");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RowAction[] Classify()
    {
        var actions = new RowAction[rows.Count];
        if (existing is null) return actions; // all Insert
        for (var i = 0; i < actions.Length; i++)
        {
            if (InDb(rows.Code(i)) is not { } e) { actions[i] = RowAction.Insert; continue; }
            if (e.Dissolved) { actions[i] = RowAction.Reactivate; continue; }
            var same = rows.Name(i).SequenceEqual(e.Name) && rows.Parent(i).SequenceEqual(e.Parent) && rows[i].Parent.IsNone == (e.Parent is null)
                       && e.Level == rows[i].Level && e.Sector == rows.SectorOf(i) && e.Kind == rows.KindOf(i) && e.IsGrouping == rows.IsGrouping(i);
            actions[i] = same ? RowAction.Unchanged : RowAction.Update;
        }
        return actions;
    }

    private List<string> ToDissolve()
    {
        var sectors = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++) sectors.Add(rows.SectorOf(i));
        return existing!.ByCode.Where(kv => !kv.Value.Dissolved && sectors.Contains(kv.Value.Sector) && rows.Find(kv.Key) < 0)
            .Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
    }
}
