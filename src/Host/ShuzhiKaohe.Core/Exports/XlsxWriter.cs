using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ShuzhiKaohe.Core.Exports;

using Text = DocumentFormat.OpenXml.Spreadsheet.Text;


/// <summary>
/// Writes an <see cref="ExportContent"/> as an xlsx workbook: one sheet per <see cref="ExportTable.SheetName"/>, the
/// title (organisation and year) and subtitle in merged rows above, Chinese headers in bold on a grey fill, the header
/// row frozen, column widths from the table, numbers stored as numbers (shares as percentages), A4 landscape with the
/// title rows repeated on each printed page and "第 N 页，共 M 页" at the foot. Sheets are written as plain XML.
/// </summary>
internal static class XlsxWriter
{
    // Cell formats of the stylesheet below, by index.
    private const uint TitleStyle = 1, SubtitleStyle = 2, HeaderStyle = 3, TextStyle = 4, IntegerStyle = 5, NumberStyle = 6, PercentStyle = 7, CaptionStyle = 8;

    public static void Write(string path, ExportContent content)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        doc.PackageProperties.Title = content.Title;
        doc.PackageProperties.Creator = "ShuzhiKaohe 述职考核";
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheets = new Sheets();
        var names = new DefinedNames();
        uint sheetId = 0;
        foreach (var group in content.Tables.GroupBy(t => t.SheetName))
        {
            var part = wb.AddNewPart<WorksheetPart>();
            var tables = group.ToList();
            var headerRow = WriteSheet(part, content, tables);
            sheets.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = ++sheetId, Name = SheetName(group.Key) });
            names.Append(new DefinedName($"'{SheetName(group.Key)}'!$1:${headerRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetId - 1 });
        }
        wb.Workbook.Append(sheets, names);
    }

    private static string SheetName(string name) => new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray()) is { Length: > 31 } n ? n[..31] : name;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// Writes one sheet as plain XML on the part's stream (tens of thousands of cells in a few milliseconds; the SDK's
    /// element objects cost a second for a 3,000-row summary). Returns the row of the (first) header, frozen and
    /// repeated on print.
    /// </summary>
    private static uint WriteSheet(WorksheetPart part, ExportContent content, IReadOnlyList<ExportTable> tables)
    {
        var width = tables.Max(t => t.Columns.Count);
        var first = tables[0];
        var headerRow = tables.Count == 1 ? 3u : 4u;
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        w.WriteStartDocument(true);
        w.WriteStartElement("worksheet", Main);
        w.WriteStartElement("sheetPr", Main);
        w.WriteStartElement("pageSetUpPr", Main);
        w.WriteAttributeString("fitToPage", "1");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("sheetViews", Main);
        w.WriteStartElement("sheetView", Main);
        w.WriteAttributeString("workbookViewId", "0");
        if (tables.Count == 1)
        {
            w.WriteStartElement("pane", Main);
            w.WriteAttributeString("ySplit", N(headerRow));
            w.WriteAttributeString("topLeftCell", $"A{headerRow + 1}");
            w.WriteAttributeString("activePane", "bottomLeft");
            w.WriteAttributeString("state", "frozen");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("cols", Main);
        for (var i = 0; i < width; i++)
        {
            var colWidth = tables.Where(t => i < t.Columns.Count).Max(t => t.Columns[i].Width);
            w.WriteStartElement("col", Main);
            w.WriteAttributeString("min", N(i + 1));
            w.WriteAttributeString("max", N(i + 1));
            // Widths are in the default font's digits; a Chinese character takes about two.
            w.WriteAttributeString("width", N(Math.Min(60, colWidth + 1)));
            w.WriteAttributeString("customWidth", "1");
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("sheetData", Main);
        uint row = 0;
        WriteRow(w, ++row, [(content.Title, TitleStyle)], 30);
        WriteRow(w, ++row, [(content.Subtitle, SubtitleStyle)], null);
        foreach (var t in tables)
        {
            if (tables.Count > 1)
            {
                if (t != first) row++;
                WriteRow(w, ++row, [(t.Name, CaptionStyle)], null);
            }
            WriteRow(w, ++row, t.Columns.Select(c => ((object?)c.Header, HeaderStyle)).ToList(), null);
            foreach (var r in t.Rows)
                WriteRow(w, ++row, t.Columns.Select((c, i) => (r[i], Style(c.Kind, r[i]))).ToList(), null);
        }
        w.WriteEndElement();

        w.WriteStartElement("mergeCells", Main);
        w.WriteAttributeString("count", "2");
        foreach (var m in new[] { $"A1:{Col(width - 1)}1", $"A2:{Col(width - 1)}2" })
        {
            w.WriteStartElement("mergeCell", Main);
            w.WriteAttributeString("ref", m);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteStartElement("pageMargins", Main);
        foreach (var (name, value) in new[] { ("left", "0.5"), ("right", "0.5"), ("top", "0.6"), ("bottom", "0.6"), ("header", "0.3"), ("footer", "0.3") })
            w.WriteAttributeString(name, value);
        w.WriteEndElement();
        w.WriteStartElement("pageSetup", Main);
        w.WriteAttributeString("paperSize", "9");
        w.WriteAttributeString("orientation", "landscape");
        w.WriteAttributeString("fitToWidth", "1");
        w.WriteAttributeString("fitToHeight", "0");
        w.WriteEndElement();
        w.WriteStartElement("headerFooter", Main);
        w.WriteElementString("oddFooter", Main, "&C第 &P 页，共 &N 页");
        w.WriteEndElement();
        w.WriteEndElement();
        return headerRow;
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static uint Style(CellKind kind, object? value) => value is string ? TextStyle : kind switch
    {
        CellKind.Integer => IntegerStyle,
        CellKind.Number => NumberStyle,
        CellKind.Percent => PercentStyle,
        _ => TextStyle,
    };

    private static void WriteRow(XmlWriter w, uint index, IReadOnlyList<(object? Value, uint Style)> cells, double? height)
    {
        var r = index.ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement("row", Main);
        w.WriteAttributeString("r", r);
        if (height is { } h)
        {
            w.WriteAttributeString("ht", N(h));
            w.WriteAttributeString("customHeight", "1");
        }
        for (var i = 0; i < cells.Count; i++)
        {
            var (value, style) = cells[i];
            w.WriteStartElement("c", Main);
            w.WriteAttributeString("r", Col(i) + r);
            w.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
            switch (value)
            {
                case null:
                    break;
                case string s:
                    w.WriteAttributeString("t", "inlineStr");
                    w.WriteStartElement("is", Main);
                    w.WriteStartElement("t", Main);
                    w.WriteAttributeString("xml", "space", null, "preserve");
                    w.WriteString(XmlSafe(s));
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
                default:
                    w.WriteElementString("v", Main, Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                    break;
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>Drops control characters XML cannot carry (imported text is repaired, but a document must never be unreadable).</summary>
    private static string XmlSafe(string s) =>
        s.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r')) ? new string(s.Where(c => c >= ' ' || c is '\t' or '\n' or '\r').ToArray()) : s;

    public static string Col(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static Stylesheet Stylesheet()
    {
        Font F(double size, bool bold, string name)
        {
            var f = new Font();
            if (bold) f.Append(new Bold());
            f.Append(new FontSize { Val = size }, new FontName { Val = name }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 134 });
            return f;
        }
        var thin = () => new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        CellFormat Format(uint font, uint fill, uint border, uint numFmt, HorizontalAlignmentValues? align, bool wrap) =>
            new(new Alignment { Horizontal = align, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
            {
                FontId = font, FillId = fill, BorderId = border, NumberFormatId = numFmt, ApplyFont = true, ApplyFill = fill > 0, ApplyBorder = border > 0,
                ApplyNumberFormat = numFmt > 0, ApplyAlignment = true,
            };
        return new Stylesheet(
            new Fonts(F(11, false, "宋体"), F(16, true, "黑体"), F(11, false, "仿宋_GB2312"), F(11, true, "黑体")) { Count = 4 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin()) { Count = 2 },
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
                Format(1, 0, 0, 0, HorizontalAlignmentValues.Center, false),
                Format(2, 0, 0, 0, HorizontalAlignmentValues.Center, false),
                Format(3, 2, 1, 0, HorizontalAlignmentValues.Center, true),
                Format(0, 0, 1, 49, HorizontalAlignmentValues.Left, true),
                Format(0, 0, 1, 1, HorizontalAlignmentValues.Right, false),
                Format(0, 0, 1, 2, HorizontalAlignmentValues.Right, false),
                Format(0, 0, 1, 10, HorizontalAlignmentValues.Right, false),
                Format(3, 0, 0, 0, HorizontalAlignmentValues.Left, false)) { Count = 9 });
    }
}
