using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Text.Tabular;

/// <summary>
/// The first worksheet of an .xlsx workbook, row by row (a streaming reader: the sheet is never loaded whole).
/// <see cref="Line"/> is the worksheet's row number, as Excel shows it; the first non-empty row is the header.
/// </summary>
public sealed class XlsxReader : ITabularReader
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _xml;
    private readonly string[] _shared;
    private string[] _row = new string[16];
    private int _count;

    public XlsxReader(Stream stream)
    {
        try
        {
            _document = SpreadsheetDocument.Open(stream, false);
            var workbook = _document.WorkbookPart ?? throw new InvalidInputException("XLSX 文件没有工作簿");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                        ?? throw new InvalidInputException("XLSX 文件没有工作表");
            var part = sheet.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart p ? p
                       : throw new InvalidInputException("XLSX 文件的第一个工作表缺失或不是普通工作表");
            _shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            _xml = OpenXmlReader.Create(part);
        }
        catch (Exception e) when (Damaged(e))
        {
            throw new InvalidInputException($"XLSX 文件已损坏，无法读取：{e.Message}", e);
        }
        if (!Read()) throw new InvalidInputException("工作表为空：没有表头行");
        Header = _row[.._count].ToArray();
    }

    /// <summary>What a damaged or truncated package throws (issue 10: a clear refusal, never a crash).</summary>
    private static bool Damaged(Exception e) =>
        e is OpenXmlPackageException or InvalidDataException or IOException or FormatException or System.Xml.XmlException
            or InvalidOperationException or ArgumentException or KeyNotFoundException or NotSupportedException;

    public IReadOnlyList<string> Header { get; }
    public int Line { get; private set; }
    public int FieldCount => _count;
    public string? RecordError => null;
    public ReadOnlySpan<char> Field(int index) => _row[index].AsSpan();

    public bool Read()
    {
        try { return ReadRow(); }
        catch (Exception e) when (Damaged(e) || e is IndexOutOfRangeException or OverflowException)
        {
            throw new InvalidInputException($"XLSX 文件第 {Line + 1} 行附近已损坏，无法读取：{e.Message}", e);
        }
    }

    /// <summary>The most columns a worksheet can have (XFD): a reference beyond it is damage, not data.</summary>
    private const int MaxColumns = 16_384;

    private bool ReadRow()
    {
        while (_xml.Read())
        {
            if (_xml.ElementType != typeof(Row) || !_xml.IsStartElement) continue;
            var row = (Row)_xml.LoadCurrentElement()!;
            Line = row.RowIndex?.Value is { } index ? (int)index : Line + 1;
            Array.Fill(_row, "");
            _count = 0;
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column;
                if (column < 0 || column >= MaxColumns)
                    throw new InvalidInputException($"XLSX 文件第 {Line} 行的单元格引用“{cell.CellReference?.Value}”超出工作表的列数上限 {MaxColumns}");
                if (column >= _row.Length) Array.Resize(ref _row, Math.Max(column + 1, _row.Length * 2));
                _row[column] = Text(cell);
                column++;
                _count = Math.Max(_count, column);
            }
            while (_count > 0 && _row[_count - 1].Length == 0) _count--;
            if (_count > 0) return true;
        }
        return false;
    }

    private string Text(Cell cell)
    {
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value is { } type)
        {
            if (type == CellValues.SharedString)
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _shared.Length ? _shared[i] : "";
            if (type == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
            if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
            if (type != CellValues.Number) return raw;
        }
        // A long code typed as a number may be stored as 1.10101001001E+11: give its digits back.
        if (raw.Contains('E', StringComparison.OrdinalIgnoreCase)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e17)
            return d.ToString("0", CultureInfo.InvariantCulture);
        return raw;
    }

    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            n = n * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return n - 1;
    }

    public void Dispose()
    {
        _xml.Dispose();
        _document.Dispose();
    }
}
