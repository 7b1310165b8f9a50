using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Tests.Security;

public sealed class AuditTrailTests : IDisposable
{
    private readonly SecurityBed _bed = new();

    private AuditReport Verify() => _bed.Admin.Get<AuditVerifier>().Verify();

    [Fact]
    public void A_fresh_database_verifies_and_its_trail_starts_with_the_first_administrator()
    {
        var r = Verify();
        Assert.True(r.Ok, string.Join("\n", r.Breaks.Select(b => b.Message)));
        Assert.True(r.Entries >= 2, "the first administrator and their grant (and any shipped plugin's approval)");
        Assert.Contains("operator_grant", r.EntitiesChecked);
        var first = _bed.Admin.Get<AuditLog>().List()[0];
        Assert.Equal(("admin", "create", "operator", "admin"), (first.Operator, first.Action, first.Entity, first.Key));
        Assert.Equal(AuditHash.Genesis, first.PrevHash);
    }

    [Fact]
    public void Every_change_through_the_program_keeps_the_chain_and_the_data_in_step()
    {
        _bed.Operator("alice", Role.Organiser, "11");
        _bed.Admin.Get<OperatorAdmin>().Revoke("alice", "organiser", "11", null);
        _bed.Admin.Get<OperatorAdmin>().Grant("alice", "reader", "1", "soe");
        Assert.True(Verify().Ok);
        var revoke = _bed.Admin.Get<AuditLog>().List().Single(e => e.Action == "revoke");
        Assert.Contains("revoked_by: null → \"admin\"", revoke.Summary);
        Assert.Equal("11", revoke.OrgCode);
        Assert.Equal("test", revoke.FrontEnd);
    }

    [Fact]
    public void A_row_edited_with_raw_sql_is_reported_by_entity_and_key()
    {
        _bed.Operator("alice", Role.Reader, "11");
        Assert.True(Verify().Ok);
        _bed.Sql("UPDATE operator_grant SET role = 'administrator', scope_code = '*' WHERE operator_name = 'alice'");
        var r = Verify();
        Assert.False(r.Ok);
        var b = r.FirstBreak!;
        Assert.Equal(("changed", "operator_grant", "2"), (b.Kind, b.Entity, b.Key));
        Assert.Contains("operator_grant 2 ", b.Message);
        Assert.Contains("本程序之外", b.Message);
    }

    [Fact]
    public void A_copy_of_the_database_can_be_checked_before_it_is_restored()
    {
        var copy = Path.Combine(_bed.Folder, "copy.db");
        _bed.Admin.Get<DatabaseAdmin>().BackupTo(copy);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            c.Open();
            Assert.True(_bed.Admin.Get<AuditVerifier>().Check(c).Ok);
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE operator SET created_at = 'yesterday'";
            cmd.ExecuteNonQuery();
            Assert.Equal("changed", _bed.Admin.Get<AuditVerifier>().Check(c).FirstBreak!.Kind);
        }
        Assert.True(Verify().Ok);
    }

    [Fact]
    public void A_row_inserted_behind_the_programs_back_is_reported_as_unrecorded()
    {
        _bed.Sql("INSERT INTO operator(name, created_by, created_at) VALUES ('mallory', 'mallory', '2025-01-01')");
        var b = Verify().FirstBreak!;
        Assert.Equal(("unrecorded", "operator", "mallory"), (b.Kind, b.Entity, b.Key));
    }

    [Fact]
    public void A_row_deleted_behind_the_programs_back_is_reported_as_missing()
    {
        _bed.Admin.Get<OperatorAdmin>().Add("alice");
        _bed.Sql("DELETE FROM operator WHERE name = 'alice'");
        var b = Verify().FirstBreak!;
        Assert.Equal(("missing", "operator", "alice"), (b.Kind, b.Entity, b.Key));
    }

    [Fact]
    public void An_edited_audit_entry_breaks_the_chain_at_that_entry()
    {
        _bed.Operator("alice", Role.Reader, "11");
        var id = _bed.Scalar("SELECT id FROM audit_entry WHERE entity = 'operator' AND entity_key = 'alice'");
        _bed.Sql($"UPDATE audit_entry SET operator = 'someone_else' WHERE id = {id}");
        var b = Verify().FirstBreak!;
        Assert.Equal(("chain", id), (b.Kind, b.EntryId));
    }

    [Fact]
    public void A_deleted_audit_entry_breaks_the_chain_after_it()
    {
        _bed.Operator("alice", Role.Reader, "11");
        var id = _bed.Scalar("SELECT id FROM audit_entry WHERE entity = 'operator' AND entity_key = 'alice'");
        _bed.Sql($"DELETE FROM audit_entry WHERE id = {id}");
        var b = Verify().FirstBreak!;
        Assert.Equal(("chain", id + 1), (b.Kind, b.EntryId));
    }

    [Fact]
    public void A_change_and_its_entry_roll_back_together()
    {
        var trail = _bed.Admin.Get<AuditTrail>();
        var before = _bed.Scalar("SELECT count(*) FROM audit_entry");
        using (var c = _bed.Admin.Get<Database>().Open())
        using (var tx = c.BeginTransaction(deferred: false))
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO operator(name, created_by, created_at) VALUES ('ghost', 'admin', 'now')";
            cmd.ExecuteNonQuery();
            trail.RecordChange(c, tx, "create", "operator", "ghost", null, null);
            // no commit: the change is abandoned
        }
        Assert.Equal(before, _bed.Scalar("SELECT count(*) FROM audit_entry"));
        Assert.True(Verify().Ok);
    }

    [Fact]
    public void An_entity_may_bring_its_own_state_query_spanning_tables()
    {
        _bed.Sql("""
            CREATE TABLE test_sheet(id INTEGER PRIMARY KEY, serial TEXT NOT NULL) STRICT;
            CREATE TABLE test_mark(sheet_id INTEGER NOT NULL, reporter TEXT NOT NULL, mark TEXT) STRICT;
            """);
        var sheet = new AuditedEntity("test_sheet", "test_sheet", "id")
        {
            StateSql = """
                SELECT json_object('serial', s.serial, 'marks',
                       (SELECT json_group_array(json_array(m.reporter, m.mark)) FROM (SELECT * FROM test_mark WHERE sheet_id = s.id ORDER BY reporter) m))
                  FROM test_sheet s WHERE s.id = $key
                """,
            KeysSql = "SELECT id FROM test_sheet",
        };
        var (trail, verifier) = WithExtra(sheet);
        using (var c = _bed.Admin.Get<Database>().Open())
        using (var tx = c.BeginTransaction(deferred: false))
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO test_sheet VALUES (7, 'No.007'); INSERT INTO test_mark VALUES (7, '张三', 'good'), (7, '李四', 'average');";
            cmd.ExecuteNonQuery();
            trail.RecordChange(c, tx, "create", "test_sheet", "7", "11", null);
            tx.Commit();
        }
        Assert.True(verifier.Verify().Ok);
        _bed.Sql("UPDATE test_mark SET mark = 'poor' WHERE reporter = '李四'");
        var b = verifier.Verify().FirstBreak!;
        Assert.Equal(("changed", "test_sheet", "7"), (b.Kind, b.Entity, b.Key));
    }

    [Fact]
    public void A_bulk_import_is_one_entry_and_a_later_raw_change_to_any_row_is_found()
    {
        var organisations = new AuditedEntity("organisation", "organisation", "code", AuditGranularity.WholeTable);
        var (trail, verifier) = WithExtra(organisations);
        Assert.Equal("unrecorded", verifier.Verify().FirstBreak!.Kind);
        using (var c = _bed.Admin.Get<Database>().Open())
        using (var tx = c.BeginTransaction(deferred: false))
        {
            trail.Record(c, tx, "import", "organisation", "test-tree.csv", null, "导入 7 个组织");
            tx.Commit();
        }
        Assert.True(verifier.Verify().Ok);
        _bed.Sql("UPDATE organisation SET name = 'X县委' WHERE code = '12'");
        var b = verifier.Verify().FirstBreak!;
        Assert.Equal(("changed", "organisation"), (b.Kind, b.Entity));
        Assert.Contains("整表", b.Message);
    }

    private (AuditTrail Trail, AuditVerifier Verifier) WithExtra(AuditedEntity extra)
    {
        var entities = new AuditedEntities(_bed.Admin.Services.GetServices<AuditedEntity>().Append(extra));
        return (new AuditTrail(_bed.Admin.Get<OperatorContext>(), entities),
            new AuditVerifier(_bed.Admin.Get<Database>(), entities, _bed.Admin.Get<Authorizer>()));
    }

    public void Dispose() => _bed.Dispose();
}
