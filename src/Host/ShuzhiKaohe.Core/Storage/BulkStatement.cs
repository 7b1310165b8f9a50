using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ShuzhiKaohe.Core.Storage;

/// <summary>
/// One prepared statement executed many times straight through SQLite's C API: bind, step, reset, with no
/// per-row allocation (values are encoded to UTF-8 in a reused buffer). For bulk imports only, inside the
/// caller's transaction on the caller's connection; parameters are bound by their <c>$name</c>, never spliced.
/// </summary>
internal sealed class BulkStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private byte[] _utf8 = new byte[1024];

    public BulkStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    /// <summary>The 1-based index of a <c>$name</c> parameter.</summary>
    public int Index(string name)
    {
        var i = raw.sqlite3_bind_parameter_index(_stmt, name);
        return i > 0 ? i : throw new ArgumentException($"no parameter {name} in the statement", nameof(name));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Bind(int index, ReadOnlySpan<char> value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < max) _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        var n = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_stmt, index, _utf8.AsSpan(0, n)));
    }

    /// <summary>Binds text already encoded as UTF-8 (a value repeated on every row, encoded once).</summary>
    public void BindUtf8(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_stmt, index, utf8));

    public void BindNull(int index) => Check(raw.sqlite3_bind_null(_stmt, index));

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_stmt, index, value));

    /// <summary>Runs the statement once and makes it ready for the next row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute()
    {
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE) Check(rc);
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
    }

    public void Dispose() => _stmt.Dispose();
}
