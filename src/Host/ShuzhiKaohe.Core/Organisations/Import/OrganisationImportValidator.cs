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
    private readonly int[] _parent = new int[rows.Rows.Count];
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

    private void ResolveParents()
    {
        var list = rows.Rows;
        for (var i = 0; i < list.Count; i++)
        {
            var row = list[i];
            if (row.Parent is null) _parent[i] = Root;
            else if (row.Parent == row.Code)
            {
                _parent[i] = Missing;
                rows.Reject(row, $"上级代码 {row.Parent} 就是它自己（上级关系成环）");
            }
            else if (rows.ByCode.TryGetValue(row.Parent, out var j)) _parent[i] = j;
            else if (existing is not null && existing.ByCode.ContainsKey(row.Parent)) _parent[i] = InDatabase;
            else
            {
                _parent[i] = Missing;
                rows.Reject(row, $"上级代码 {row.Parent} 不存在：文件和数据库中都没有这个组织");
            }
        }
    }

    /// <summary>The next row up, in the tree as it will be: the file's parent, or through the database's ancestors to a row of the file.</summary>
    private int Up(int i)
    {
        var p = _parent[i];
        return p == InDatabase ? DatabaseAncestorInFile(rows.Rows[i].Parent!) : p;
    }

    private int DatabaseAncestorInFile(string code)
    {
        if (_dbAncestorInFile.TryGetValue(code, out var memo)) return memo;
        var result = Root;
        var current = code;
        for (var depth = 0; depth < 64 && current is not null; depth++)
        {
            if (rows.ByCode.TryGetValue(current, out var inFile)) { result = inFile; break; }
            current = existing!.ByCode.TryGetValue(current, out var e) ? e.Parent : null;
        }
        return _dbAncestorInFile[code] = result;
    }

    private bool[] FindCycles()
    {
        var n = rows.Rows.Count;
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
                var cycle = walk.GetRange(walk.IndexOf(k), walk.Count - walk.IndexOf(k));
                var text = string.Join(" → ", cycle.Append(k).Select(x => rows.Rows[x].Code));
                foreach (var x in cycle)
                {
                    inCycle[x] = true;
                    rows.Reject(rows.Rows[x], $"上级关系成环：{text}");
                }
            }
            foreach (var w in walk) state[w] = 2;
        }
        return inCycle;
    }

    /// <summary>第三条 assessment runs level by level: a child is exactly one level below its parent in the same sector.</summary>
    private void CheckLevels(bool[] inCycle)
    {
        var list = rows.Rows;
        for (var i = 0; i < list.Count; i++)
        {
            var row = list[i];
            if (row.Level < 0 || inCycle[i] || _parent[i] == Missing) continue;
            var sector = rows.SectorOf(row);
            var top = shapes[sector].Top;
            if (_parent[i] == Root)
            {
                if (row.Level != top)
                    rows.Reject(row, $"没有上级的组织应在板块 {sector} 的最高层级 {top}，此处层级为 {row.Level}");
                continue;
            }
            int parentLevel;
            string parentSector, parentName;
            if (_parent[i] >= 0)
            {
                var p = list[_parent[i]];
                if (p.Level < 0) continue;
                (parentLevel, parentSector, parentName) = (p.Level, rows.SectorOf(p), p.Name);
            }
            else
            {
                var e = existing!.ByCode[row.Parent!];
                (parentLevel, parentSector, parentName) = (e.Level, e.Sector, e.Name);
            }
            // Another sector's tree hangs from a locality's organisation (e.g. a state enterprise under 国资委党委) at its own top level.
            var expected = parentSector == sector ? parentLevel + 1 : top;
            if (row.Level != expected)
                rows.Reject(row, $"层级 {row.Level} 与上级 {row.Parent}（{parentName}，层级 {parentLevel}）不符：应为 {expected}");
        }
    }

    private void CheckChildrenOfLevelChanges(SqliteConnection c, SqliteTransaction tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT code FROM organisation WHERE parent_code = $code";
        var code = cmd.Parameters.Add("$code", SqliteType.Text);
        foreach (var row in rows.Rows)
        {
            if (row.Level < 0 || !existing!.ByCode.TryGetValue(row.Code, out var e) || e.Level == row.Level) continue;
            code.Value = row.Code;
            var left = new List<string>();
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                    if (!rows.ByCode.ContainsKey(r.GetString(0))) left.Add(r.GetString(0));
            if (left.Count > 0)
                rows.Reject(row, $"层级由 {e.Level} 改为 {row.Level}，但它在数据库中的 {left.Count} 个下属（如 {left[0]}）不在文件中，层级将不符：请一并导入");
        }
    }

    private RowAction[] Classify()
    {
        var actions = new RowAction[rows.Rows.Count];
        if (existing is null) return actions; // all Insert
        for (var i = 0; i < actions.Length; i++)
        {
            var row = rows.Rows[i];
            if (!existing.ByCode.TryGetValue(row.Code, out var e)) { actions[i] = RowAction.Insert; continue; }
            if (e.Dissolved) { actions[i] = RowAction.Reactivate; continue; }
            var same = e.Name == row.Name && e.Parent == row.Parent && e.Level == row.Level && e.Sector == rows.SectorOf(row)
                       && e.Kind == rows.KindOf(row) && e.IsGrouping == rows.IsGrouping(row);
            actions[i] = same ? RowAction.Unchanged : RowAction.Update;
        }
        return actions;
    }

    private List<string> ToDissolve()
    {
        var sectors = rows.Rows.Select(r => r.Sector).Distinct().Select(s => rows.Sectors[s]).ToHashSet(StringComparer.Ordinal);
        return existing!.ByCode.Where(kv => !kv.Value.Dissolved && sectors.Contains(kv.Value.Sector) && !rows.ByCode.ContainsKey(kv.Key))
            .Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
    }
}
