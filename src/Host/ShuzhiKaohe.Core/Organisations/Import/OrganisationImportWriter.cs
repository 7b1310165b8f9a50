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
internal static class OrganisationImportWriter
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(SqliteConnection c, SqliteTransaction tx, ImportedRows rows, ImportPlan plan, DateOnly asOf, IProgress<ImportProgress>? progress)
    {
        var order = CodeOrder(rows);
        if (plan.EmptyTable) Exec(c, tx, "DROP INDEX IF EXISTS organisation_by_parent");

        using var insert = new BulkStatement(c, """
            INSERT INTO organisation(code, name, parent_code, sector, level, kind, is_grouping)
            VALUES ($code, $name, $parent, $sector, $level, $kind, $grouping)
            """);
        using var update = new BulkStatement(c, """
            UPDATE organisation
               SET name = $name, parent_code = $parent, sector = $sector, level = $level, kind = $kind, is_grouping = $grouping,
                   dissolved_on = NULL, row_version = row_version + 1
             WHERE code = $code
            """);
        int[] ins = Indexes(insert), upd = Indexes(update);

        var done = 0;
        foreach (var i in order)
        {
            if ((++done & 0x3FFF) == 0) progress?.Report(new ImportProgress("写入", done, order.Length));
            var action = plan.Actions[i];
            if (action == RowAction.Unchanged) continue;
            var (statement, p) = action == RowAction.Insert ? (insert, ins) : (update, upd);
            statement.Bind(p[0], rows.Code(i));
            statement.Bind(p[1], rows.Name(i));
            if (rows[i].Parent.IsNone) statement.BindNull(p[2]); else statement.Bind(p[2], rows.Parent(i));
            statement.Bind(p[3], rows.SectorOf(i));
            statement.Bind(p[4], rows[i].Level);
            statement.Bind(p[5], rows.KindOf(i));
            statement.Bind(p[6], rows.IsGrouping(i) ? 1 : 0);
            statement.Execute();
        }

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

        if (plan.EmptyTable) Exec(c, tx, "CREATE INDEX organisation_by_parent ON organisation(parent_code)");
        progress?.Report(new ImportProgress("写入", order.Length, order.Length));
    }

    /// <summary>Row numbers in code order; files that are already in code order (per level, say) cost little to sort.</summary>
    private static int[] CodeOrder(ImportedRows rows)
    {
        var order = new int[rows.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => rows.Code(a).SequenceCompareTo(rows.Code(b)));
        return order;
    }

    private static int[] Indexes(BulkStatement statement)
    {
        string[] names = ["$code", "$name", "$parent", "$sector", "$level", "$kind", "$grouping"];
        return names.Select(statement.Index).ToArray();
    }

    private static void Exec(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
