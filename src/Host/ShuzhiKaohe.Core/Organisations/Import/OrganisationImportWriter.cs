using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Core.Text.Import;

namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>
/// Writes organisations in the caller's transaction with prepared statements bound through SQLite's own API. A
/// validated import (<see cref="Write"/>) goes in code order, the order of the WITHOUT ROWID table's primary key, so
/// pages fill from left to right; the streaming import into an empty table inserts row by row as rows are read
/// (<see cref="Insert"/>), in file order — nearly code order for the real files. Into an empty table the parent
/// index is built once at the end instead of row by row.
/// </summary>
internal sealed class OrganisationImportWriter : IDisposable
{
    /// <summary>Rows per INSERT statement: one statement step per 64 rows instead of per row.</summary>
    private const int Batch = 64;

    private readonly SqliteConnection _connection;
    private readonly ImportedRows _rows;
    private readonly Dictionary<int, RowGroup> _groups = [];

    /// <summary>Inserts on the connection (in the transaction open on it), statements prepared as rows need them.</summary>
    public OrganisationImportWriter(SqliteConnection c, ImportedRows rows)
    {
        _connection = c;
        _rows = rows;
    }

    /// <summary>
    /// Rows that share sector, level and kind (all the villages of a file, say) go through statements of their own
    /// whose shared values are bound once: three values bound per row (code, name, parent) instead of seven.
    /// </summary>
    private sealed class RowGroup : IDisposable
    {
        public readonly BulkStatement Many, One;
        public readonly int[] ManyIndex, OneIndex;
        public readonly int[] Pending = new int[Batch];
        public int Count;

        public RowGroup(SqliteConnection c, ImportedRows rows, int row)
        {
            Many = new BulkStatement(c, InsertSql(Batch));
            One = new BulkStatement(c, InsertSql(1));
            ManyIndex = Indexes(Many, Batch);
            OneIndex = Indexes(One, 1);
            foreach (var s in new[] { Many, One })
            {
                s.BindUtf8(s.Index("$sector"), rows.SectorUtf8(row));
                s.Bind(s.Index("$level"), rows[row].Level);
                s.BindUtf8(s.Index("$kind"), rows.KindUtf8(row));
                s.Bind(s.Index("$grouping"), rows.IsGrouping(row) ? 1 : 0);
            }
        }

        public void Dispose()
        {
            Many.Dispose();
            One.Dispose();
        }
    }

    /// <summary>Inserts row <paramref name="i"/>, batched: call <see cref="Flush"/> after the last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Insert(int i)
    {
        ref var row = ref _rows[i];
        var key = row.Sector | (row.Kind << 8) | (row.Level << 16);
        if (!_groups.TryGetValue(key, out var group)) _groups[key] = group = new RowGroup(_connection, _rows, i);
        group.Pending[group.Count++] = i;
        if (group.Count < Batch) return;
        for (var k = 0; k < Batch; k++) BindRow(group.Many, group.ManyIndex, k, _rows, group.Pending[k]);
        group.Many.Execute();
        group.Count = 0;
    }

    public void Flush()
    {
        foreach (var group in _groups.Values)
        {
            for (var k = 0; k < group.Count; k++)
            {
                BindRow(group.One, group.OneIndex, 0, _rows, group.Pending[k]);
                group.One.Execute();
            }
            group.Count = 0;
        }
    }

    public void Dispose()
    {
        foreach (var group in _groups.Values) group.Dispose();
    }

    /// <summary>Into an empty table the parent index is built once after the rows instead of row by row.</summary>
    public static void DropParentIndex(SqliteConnection c, SqliteTransaction tx) => Exec(c, tx, "DROP INDEX IF EXISTS organisation_by_parent");

    /// <summary>Builds the parent index after a bulk insert; SQLite's sorter may use a second core for it.</summary>
    public static void CreateParentIndex(SqliteConnection c, SqliteTransaction tx)
    {
        Exec(c, tx, "PRAGMA threads = 2");
        try { Exec(c, tx, "CREATE INDEX IF NOT EXISTS organisation_by_parent ON organisation(parent_code)"); }
        finally { Exec(c, tx, "PRAGMA threads = 0"); }
    }

    /// <summary>Writes a validated import: inserts in code order, updates, reactivations and dissolutions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(SqliteConnection c, SqliteTransaction tx, ImportedRows rows, ImportPlan plan, DateOnly asOf, IProgress<ImportProgress>? progress)
    {
        var order = CodeOrder(rows);
        if (plan.EmptyTable) DropParentIndex(c, tx);

        using var inserts = new OrganisationImportWriter(c, rows);
        using var update = new BulkStatement(c, """
            UPDATE organisation
               SET name = $name, parent_code = $parent, sector = $sector, level = $level, kind = $kind, is_grouping = $grouping,
                   dissolved_on = NULL, row_version = row_version + 1
             WHERE code = $code
            """);
        var updateIndex = Fields.Select(f => update.Index("$" + f)).ToArray();

        var done = 0;
        foreach (var i in order)
        {
            if ((++done & 0x3FFF) == 0) progress?.Report(new ImportProgress("写入", done, order.Length));
            switch (plan.Actions[i])
            {
                case RowAction.Unchanged:
                    continue;
                case RowAction.Insert:
                    inserts.Insert(i);
                    break;
                default:
                    BindAll(update, updateIndex, rows, i);
                    update.Execute();
                    break;
            }
        }
        inserts.Flush();

        if (plan.ToDissolve.Count > 0)
        {
            using var dissolve = new BulkStatement(c, "UPDATE organisation SET dissolved_on = $on, row_version = row_version + 1 WHERE code = $code");
            int on = dissolve.Index("$on"), code = dissolve.Index("$code");
            foreach (var d in plan.ToDissolve)
            {
                dissolve.Bind(on, asOf.ToString("yyyy-MM-dd"));
                dissolve.Bind(code, d);
                dissolve.Execute();
            }
        }

        if (plan.EmptyTable) CreateParentIndex(c, tx);
        progress?.Report(new ImportProgress("写入", order.Length, order.Length));
    }

    private static readonly string[] Fields = ["code", "name", "parent", "sector", "level", "kind", "grouping"];
    private static readonly string[] RowFields = ["code", "name", "parent"];

    /// <summary>An INSERT of <paramref name="rows"/> rows with parameters $code0, $name0, $parent0 … and the shared
    /// $sector, $level, $kind, $grouping (names, never values).</summary>
    private static string InsertSql(int rows) =>
        "INSERT INTO organisation(code, name, parent_code, sector, level, kind, is_grouping) VALUES "
        + string.Join(", ", Enumerable.Range(0, rows).Select(r => $"($code{r}, $name{r}, $parent{r}, $sector, $level, $kind, $grouping)"));

    /// <summary>Parameter positions: row r's field f at [r * 3 + f].</summary>
    private static int[] Indexes(BulkStatement statement, int rows) =>
        Enumerable.Range(0, rows).SelectMany(r => RowFields.Select(f => statement.Index($"${f}{r}"))).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BindRow(BulkStatement s, int[] index, int slot, ImportedRows rows, int i)
    {
        var p = slot * RowFields.Length;
        s.Bind(index[p], rows.Code(i));
        s.Bind(index[p + 1], rows.Name(i));
        if (rows[i].Parent.IsNone) s.BindNull(index[p + 2]); else s.Bind(index[p + 2], rows.Parent(i));
    }

    private static void BindAll(BulkStatement s, int[] index, ImportedRows rows, int i)
    {
        s.Bind(index[0], rows.Code(i));
        s.Bind(index[1], rows.Name(i));
        if (rows[i].Parent.IsNone) s.BindNull(index[2]); else s.Bind(index[2], rows.Parent(i));
        s.BindUtf8(index[3], rows.SectorUtf8(i));
        s.Bind(index[4], rows[i].Level);
        s.BindUtf8(index[5], rows.KindUtf8(i));
        s.Bind(index[6], rows.IsGrouping(i) ? 1 : 0);
    }

    /// <summary>
    /// Row numbers in (nearly) code order, sorted on a key of each code's first 16 characters: a primitive sort
    /// instead of 13 million string comparisons. The order only helps the B-tree; it does not have to be exact.
    /// </summary>
    private static int[] CodeOrder(ImportedRows rows)
    {
        var order = new int[rows.Count];
        var keys = new UInt128[rows.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            var code = rows.Code(i);
            UInt128 key = 0;
            for (var k = 0; k < 16; k++) key = (key << 8) | (k < code.Length ? (byte)Math.Min(code[k], (char)255) : (byte)0);
            keys[i] = key;
        }
        Array.Sort(keys, order);
        return order;
    }

    private static void Exec(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
