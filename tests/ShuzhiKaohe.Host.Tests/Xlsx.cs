using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ShuzhiKaohe.Host.Tests;

/// <summary>One sheet read back with the Open XML SDK: its title (A1), its frozen rows, and its first table as header → value.</summary>
internal sealed record SheetTable(string Title, uint FrozenRows, IReadOnlyList<Dictionary<string, object?>> Rows, IReadOnlyList<string> AllText);

internal static class Xlsx
{
    /// <summary>Every sheet by name. Cells are strings or doubles (numbers stored as numbers), null when empty.</summary>
    public static Dictionary<string, SheetTable> Read(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var wb = doc.WorkbookPart!;
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var result = new Dictionary<string, SheetTable>();
        foreach (var sheet in wb.Workbook.Sheets!.Elements<Sheet>())
        {
            var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
            var rows = ws.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => (Index: r.RowIndex!.Value, Cells: r.Elements<Cell>().Select(c => Value(c, shared)).ToList())).ToList();
            var frozen = ws.Descendants<Pane>().FirstOrDefault() is { State.Value: var st, VerticalSplit.Value: var y } && st == PaneStateValues.Frozen ? (uint)y : 0u;
            var header = rows.Skip(2).First(r => r.Cells.Count(c => c is not null) > 1);
            var table = new List<Dictionary<string, object?>>();
            foreach (var r in rows.Where(r => r.Index > header.Index))
            {
                if (r.Index != header.Index + 1 + (uint)table.Count || r.Cells.All(c => c is null)) break;
                table.Add(header.Cells.Select((h, i) => (Key: (string)h!, Value: i < r.Cells.Count ? r.Cells[i] : null)).ToDictionary(x => x.Key, x => x.Value));
            }
            result[sheet.Name!] = new SheetTable((string?)rows[0].Cells[0] ?? "", frozen, table, rows.SelectMany(r => r.Cells.OfType<string>()).ToList());
        }
        return result;
    }

    private static object? Value(Cell c, List<string> shared)
    {
        if (c.DataType?.Value == CellValues.InlineString) return c.InlineString!.InnerText;
        if (c.DataType?.Value == CellValues.SharedString) return shared[int.Parse(c.CellValue!.Text)];
        if (c.DataType?.Value == CellValues.String) return c.CellValue?.Text;
        return c.CellValue is { } v ? double.Parse(v.Text, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
