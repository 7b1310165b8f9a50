using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Audit;

/// <summary>A backup is restored only if its audit chain and its audited data verify (issue 10: nothing tampered comes back).</summary>
internal sealed class AuditRestoreCheck(AuditVerifier verifier) : IRestoreCheck
{
    public IReadOnlyList<string> Check(SqliteConnection candidate) =>
        verifier.Check(candidate).Breaks.Select(b => $"审计：{b.Message}").ToList();
}
