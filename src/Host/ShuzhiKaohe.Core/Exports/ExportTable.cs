namespace ShuzhiKaohe.Core.Exports;

/// <summary>How a column's cells are written: text, a whole number, a decimal, or a share (shown as a percentage in xlsx).</summary>
public enum CellKind { Text, Integer, Number, Percent }

/// <summary>A column: its JSON key (snake_case), its Chinese header, its kind, and its width in characters for xlsx.</summary>
public sealed record ExportColumn(string Key, string Header, CellKind Kind = CellKind.Text, double Width = 12);

/// <summary>
/// One table of an export. The xlsx sheet, the CSV file and the JSON array are all written from the same table, so
/// the three carry the same numbers. A cell is a string, a number (int/long/double/decimal) or null (empty).
/// Tables with the same <see cref="Sheet"/> are written one below the other on one xlsx sheet.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows, string? Sheet = null)
{
    public string SheetName => Sheet ?? Name;

    public int IndexOf(string key)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Key == key) return i;
        throw new KeyNotFoundException(key);
    }
}

/// <summary>What an export document is made of: its title lines and its tables (the first is the main one, the one CSV carries).</summary>
public sealed record ExportContent(string Title, string Subtitle, IReadOnlyList<ExportTable> Tables);
