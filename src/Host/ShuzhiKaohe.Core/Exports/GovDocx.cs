using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ShuzhiKaohe.Core.Exports;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;


/// <summary>
/// A Word document in the usual layout of Party and government papers (GB/T 9704 where it applies): A4, margins
/// 37/35/28/26 mm, body in 仿宋_GB2312 三号 with 28-point lines and a two-character indent, headings in 黑体 and
/// 楷体_GB2312, the title in 方正小标宋简体, "— N —" page numbers at the foot. The font table names common fallbacks
/// (仿宋, 黑体/SimHei, 楷体, 宋体) for machines without the GB2312 fonts; LibreOffice substitutes a CJK font.
/// </summary>
internal sealed class GovDocx : IDisposable
{
    public const string Body = "仿宋_GB2312";
    public const string Heading1Font = "黑体";
    public const string Heading2Font = "楷体_GB2312";
    public const string TitleFont = "方正小标宋简体";
    private const int TextWidthTwips = 11906 - 1588 - 1474;

    private readonly WordprocessingDocument _doc;
    private readonly Body _body;
    private bool _empty = true;

    private GovDocx(string path, string title)
    {
        _doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        _doc.PackageProperties.Title = title;
        _doc.PackageProperties.Creator = "ShuzhiKaohe 述职考核";
        var main = _doc.AddMainDocumentPart();
        main.Document = new Document(_body = new Body());
        AddStyles(main);
        AddFonts(main);
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Run("— ", "宋体", 28), new SimpleField(Run("1", "宋体", 28)) { Instruction = " PAGE " }, Run(" —", "宋体", 28)));
        _footerId = main.GetIdOfPart(footer);
    }

    private readonly string _footerId;

    public static GovDocx Create(string path, string title) => new(path, title);

    /// <summary>The document's title: 方正小标宋简体 二号, centred (the organisation name and the year are in it).</summary>
    public void Title(string text)
    {
        Add(Styled("Title", text));
    }

    /// <summary>Starts a new page unless the document is still empty (one person per page in a merged file).</summary>
    public void NewPage()
    {
        if (_empty) return;
        _body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        _empty = true;
    }

    public void Subtitle(string text) => Add(Styled("Subtitle", text));

    public void Heading(string text) => Add(Styled("Heading1", text));

    public void Heading2(string text) => Add(Styled("Heading2", text));

    /// <summary>Body text; each line of <paramref name="text"/> is a paragraph.</summary>
    public void Para(string text)
    {
        foreach (var line in text.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            Add(Styled(null, line));
    }

    /// <summary>Right-aligned closing lines (the organiser and the date).</summary>
    public void Signature(params string[] lines)
    {
        foreach (var line in lines)
            Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Signature" }), new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
    }

    /// <summary>A bordered table with a repeated header row, in 仿宋_GB2312 小四.</summary>
    public void Table(ExportTable table, IReadOnlyList<string>? keys = null)
    {
        var cols = (keys ?? table.Columns.Select(c => c.Key).ToList()).Select(table.IndexOf).ToList();
        var total = cols.Sum(i => table.Columns[i].Width);
        var widths = cols.Select(i => (int)(TextWidthTwips * table.Columns[i].Width / total)).ToList();
        var border = () => new BorderType[]
        {
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
        };
        var t = new Table(new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = TextWidthTwips.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new TableBorders(border()), new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        t.Append(Row(cols.Select(i => table.Columns[i].Header).ToList(), widths, header: true));
        foreach (var row in table.Rows)
            t.Append(Row(cols.Select(i => Cell(row[i], table.Columns[i].Kind)).ToList(), widths, header: false));
        Add(t);
        _body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" })));
    }

    /// <summary>How a value reads in a document: numbers without trailing zeros, shares as percentages, empty as "—".</summary>
    public static string Cell(object? value, CellKind kind) => value switch
    {
        null => "—",
        string s => s,
        double d when kind == CellKind.Percent => d.ToString("0.##%", System.Globalization.CultureInfo.InvariantCulture),
        double d => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static TableRow Row(IReadOnlyList<string> cells, IReadOnlyList<int> widths, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < cells.Count; i++)
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = header ? "TableHeader" : "TableText" }));
            var lines = cells[i].Replace("\r", "").Split('\n');
            var run = new Run();
            for (var k = 0; k < lines.Length; k++)
            {
                if (k > 0) run.Append(new Break());
                run.Append(new Text(lines[k]) { Space = SpaceProcessingModeValues.Preserve });
            }
            p.Append(run);
            row.Append(new TableCell(new TableCellProperties(
                new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }), p));
        }
        return row;
    }

    private void Add(OpenXmlElement element)
    {
        _body.Append(element);
        _empty = false;
    }

    private static Paragraph Styled(string? style, string text) =>
        new(style is null ? new ParagraphProperties() : new ParagraphProperties(new ParagraphStyleId { Val = style }),
            new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Run Run(string text, string font, int halfPoints) =>
        new(new RunProperties(Fonts(font), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font };

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        Style ParaStyle(string id, string name, string font, int halfPoints, JustificationValues align, bool bold = false, int indentChars = 0, int before = 0, int after = 0)
        {
            var table = id is "TableText" or "TableHeader";
            var ppr = new StyleParagraphProperties(
                new SpacingBetweenLines { Before = N(before), After = N(after), Line = table ? "300" : "560", LineRule = table ? LineSpacingRuleValues.Auto : LineSpacingRuleValues.Exact },
                indentChars > 0 ? new Indentation { FirstLine = N(indentChars * 320), FirstLineChars = indentChars * 100 } : new Indentation { FirstLine = "0", FirstLineChars = 0 },
                new Justification { Val = align });
            var rpr = new StyleRunProperties(Fonts(font));
            if (bold) rpr.Append(new Bold());
            rpr.Append(new FontSize { Val = N(halfPoints) }, new FontSizeComplexScript { Val = N(halfPoints) });
            return new Style(new StyleName { Val = name }, ppr, rpr) { Type = StyleValues.Paragraph, StyleId = id, CustomStyle = table };
        }
        var normal = new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact }, new Indentation { FirstLine = "640", FirstLineChars = 200 },
                new Justification { Val = JustificationValues.Both }),
            new StyleRunProperties(Fonts(Body), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" }, new Languages { EastAsia = "zh-CN" }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        part.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(Body), new FontSize { Val = "32" }, new Languages { EastAsia = "zh-CN" }))),
            normal,
            ParaStyle("Title", "Title", TitleFont, 44, JustificationValues.Center, before: 0, after: 280),
            ParaStyle("Subtitle", "Subtitle", Heading2Font, 24, JustificationValues.Center, after: 200),
            ParaStyle("Heading1", "heading 1", Heading1Font, 32, JustificationValues.Left, indentChars: 2),
            ParaStyle("Heading2", "heading 2", Heading2Font, 32, JustificationValues.Left, indentChars: 2),
            ParaStyle("Signature", "Signature", Body, 32, JustificationValues.Right),
            ParaStyle("TableText", "Table Text", Body, 24, JustificationValues.Left),
            ParaStyle("TableHeader", "Table Header", Heading1Font, 24, JustificationValues.Center));
    }

    private static string N(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The fonts with the names Word and WPS use for fallbacks (altName) when the GB2312 fonts are missing.</summary>
    private static void AddFonts(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        Font F(string name, string alt, FontFamilyValues family) =>
            new(new AltName { Val = alt }, new FontCharSet { Val = "86" }, new FontFamily { Val = family }) { Name = name };
        part.Fonts = new Fonts(
            F(Body, "仿宋", FontFamilyValues.Modern), F("仿宋", "FangSong", FontFamilyValues.Modern),
            F(Heading1Font, "SimHei", FontFamilyValues.Modern), F(Heading2Font, "楷体", FontFamilyValues.Modern),
            F("楷体", "KaiTi", FontFamilyValues.Modern), F(TitleFont, "黑体", FontFamilyValues.Roman), F("宋体", "SimSun", FontFamilyValues.Auto));
    }

    public void Dispose()
    {
        _body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = _footerId },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = 579 }));
        _doc.Dispose();
    }
}
