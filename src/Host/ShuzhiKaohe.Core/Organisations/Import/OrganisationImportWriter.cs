using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Core.Text.Import;

namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>
/// Writes a validated import in the caller's transaction with one prepared statement per kind of change. Rows go
/// in code order, the order of the WITHOUT ROWID table's primary key, so pages fill from left to right. Into an
/// empty table the parent index is built once at the end instead of row by row.
/// </summary>
internal sealed class OrganisationImportWriter : IDisposable
{
    /// <summary>Rows per INSERT statement: one statement step per 64 rows instead of per row.</summary>
    private const int Batch = 64;

    private readonly ImportedRows _rows;
    private readonly BulkStatement _many, _one;
    private readonly int[] _manyIndex, _oneIndex;
    private readonly int[] _pending = new int[Batch];
    private int _count;

    /// <summary>Prepares the INSERT statements on the connection (its transaction is the one open on it).</summary>
    public OrganisationImportWriter(SqliteConnection c, ImportedRows rows)
    {
        _rows = rows;
        _many = new BulkStatement(c, InsertSql(Batch));
        _one = new BulkStatement(c, InsertSql(1));
        _manyIndex = Indexes(_many, Batch);
        _oneIndex = Indexes(_one, 1);
    }

    /// <summary>Inserts row <paramref name="i"/>, batched: call <see cref="Flush"/> after the last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Insert(int i)
    {
        _pending[_count++] = i;
        if (_count < Batch) return;
        for (var k = 0; k < Batch; k++) Bind(_many, _manyIndex, k, _rows, _pending[k]);
        _many.Execute();
        _count = 0;
    }

    public void Flush()
    {
        for (var k = 0; k < _count; k++)
        {
            Bind(_one, _oneIndex, 0, _rows, _pending[k]);
            _one.Execute();
        }
        _count = 0;
    }

    public void Dispose()
    {
        _many.Dispose();
        _one.Dispose();
    }

    /// <summary>Into an empty table the parent index is built once after the rows instead of row by row.</summary>
    public static void DropParentIndex(SqliteConnection c, SqliteTransaction tx) => Exec(c, tx, "DROP INDEX IF EXISTS organisation_by_parent");

    public static void CreateParentIndex(SqliteConnection c, SqliteTransaction tx) =>
        Exec(c, tx, "CREATE INDEX IF NOT EXISTS organisation_by_parent ON organisation(parent_code)");

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
        var updateIndex = Indexes(update, 0);

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
                    Bind(update, updateIndex, 0, rows, i);
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

    /// <summary>An INSERT of <paramref name="rows"/> rows with parameters $code0, $name0 … (names, never values).</summary>
    private static string InsertSql(int rows) =>
        "INSERT INTO organisation(code, name, parent_code, sector, level, kind, is_grouping) VALUES "
        + string.Join(", ", Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Fields.Select(f => $"${f}{r}")) + ")"));

    /// <summary>Parameter positions: row r's field f at [r * 7 + f]; <paramref name="rows"/> 0 for the UPDATE's unnumbered names.</summary>
    private static int[] Indexes(BulkStatement statement, int rows) => rows == 0
        ? Fields.Select(f => statement.Index("$" + f)).ToArray()
        : Enumerable.Range(0, rows).SelectMany(r => Fields.Select(f => statement.Index($"${f}{r}"))).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Bind(BulkStatement s, int[] index, int slot, ImportedRows rows, int i)
    {
        var p = slot * Fields.Length;
        ref var row = ref rows[i];
        s.Bind(index[p], rows.Code(i));
        s.Bind(index[p + 1], rows.Name(i));
        if (row.Parent.IsNone) s.BindNull(index[p + 2]); else s.Bind(index[p + 2], rows.Parent(i));
        s.BindUtf8(index[p + 3], rows.SectorUtf8(i));
        s.Bind(index[p + 4], row.Level);
        s.BindUtf8(index[p + 5], rows.KindUtf8(i));
        s.Bind(index[p + 6], rows.IsGrouping(i) ? 1 : 0);
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
