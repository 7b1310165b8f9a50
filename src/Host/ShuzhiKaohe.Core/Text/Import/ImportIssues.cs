using System.Text;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Text.Import;

/// <summary>One rejected row: the file's line (the header is line 1) and why.</summary>
public sealed record ImportIssue(string File, int Line, string Reason)
{
    public override string ToString() => $"{File} 第{Line}行：{Reason}";
}

/// <summary>
/// Collects rejected rows: keeps the first <see cref="Shown"/> in file and line order (a bounded heap, so a file
/// that is wrong on every line costs no memory) and counts them all.
/// </summary>
public sealed class ImportIssueList
{
    public const int Shown = 50;
    private readonly PriorityQueue<ImportIssue, (int File, int Line)> _kept =
        new(Comparer<(int File, int Line)>.Create((a, b) => b.CompareTo(a)));
    private readonly Dictionary<string, int> _fileOrder = new(StringComparer.Ordinal);

    private int _total;

    public int Total => _total;

    /// <summary>Whether any row was rejected; may be read from another thread than the one adding issues.</summary>
    public bool Any => Volatile.Read(ref _total) > 0;

    public void Add(string file, int line, string reason)
    {
        Volatile.Write(ref _total, _total + 1);
        if (!_fileOrder.TryGetValue(file, out var order)) _fileOrder[file] = order = _fileOrder.Count;
        var key = (order, line);
        if (_kept.Count < Shown) _kept.Enqueue(new ImportIssue(file, line, reason), key);
        else if (_kept.TryPeek(out _, out var worst) && key.CompareTo(worst) < 0) _kept.EnqueueDequeue(new ImportIssue(file, line, reason), key);
    }

    /// <summary>The first issues, in file and line order.</summary>
    public IReadOnlyList<ImportIssue> First() =>
        _kept.UnorderedItems.OrderBy(i => i.Priority).Select(i => i.Element).ToList();

    /// <summary>Refuses the whole import when any row was rejected: nothing has been written.</summary>
    public void ThrowIfAny()
    {
        if (Total > 0) throw new ImportRejectedException(First(), Total);
    }
}

/// <summary>
/// An import refused as a whole (SPEC "Text import": any rejected row → nothing written). The message lists the
/// first 50 rejected rows with their line numbers, and the total.
/// </summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportIssue> issues, int total)
    : ShuzhiException(Describe(issues, total))
{
    public IReadOnlyList<ImportIssue> Issues { get; } = issues;
    public int Total { get; } = total;
    public override int ExitCode => 1;

    private static string Describe(IReadOnlyList<ImportIssue> issues, int total)
    {
        var sb = new StringBuilder();
        sb.Append($"导入被拒绝，数据库未改动：共 {total} 处错误");
        if (total > issues.Count) sb.Append($"，以下是前 {issues.Count} 处");
        sb.Append('。');
        foreach (var i in issues) sb.Append('\n').Append(i);
        return sb.ToString();
    }
}
