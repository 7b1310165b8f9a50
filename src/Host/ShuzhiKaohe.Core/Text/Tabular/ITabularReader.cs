namespace ShuzhiKaohe.Core.Text.Tabular;

/// <summary>
/// Rows of a CSV, TSV or XLSX file, one record at a time. Field values are raw (not yet repaired); a span is
/// valid until the next <see cref="Read"/>. Blank rows are skipped but counted, so <see cref="Line"/> is the
/// line (or worksheet row) an operator sees in an editor, the header being line 1.
/// </summary>
public interface ITabularReader : IDisposable
{
    /// <summary>The header row's raw values.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>Advances to the next record; false at the end.</summary>
    bool Read();

    /// <summary>The line (row) where the current record starts.</summary>
    int Line { get; }

    int FieldCount { get; }

    ReadOnlySpan<char> Field(int index);

    /// <summary>Why the current record cannot be used as a whole (too long, an unterminated quote), or null.</summary>
    string? RecordError { get; }
}
