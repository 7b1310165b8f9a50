using System.IO.Compression;
using System.Text;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Text;
using ShuzhiKaohe.Core.Text.Tabular;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Text;

public sealed class TabularReaderTests : IDisposable
{
    private readonly TempDir _dir = new("tab");

    private static List<(int Line, string[] Fields)> All(OpenedTable t)
    {
        var list = new List<(int, string[])>();
        while (t.Reader.Read())
            list.Add((t.Reader.Line, Enumerable.Range(0, t.Reader.FieldCount).Select(i => t.Reader.Field(i).ToString()).ToArray()));
        return list;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Quoted_fields_hold_commas_quotes_and_line_breaks_and_lines_stay_counted()
    {
        var path = Write("q.csv", Encoding.UTF8.GetBytes("code,name\n1,\"甲,乙\"\n2,\"说\"\"好\"\"\n第二行\"\n\n3,丙\r\n"));
        using var t = TabularFile.Open(path);
        var rows = All(t);
        Assert.Equal(["code", "name"], t.Reader.Header);
        Assert.Equal([2, 3, 6], rows.Select(r => r.Line)); // the second record spans lines 3–4; line 5 is blank
        Assert.Equal(["1", "甲,乙"], rows[0].Fields);
        Assert.Equal(["2", "说\"好\"\n第二行"], rows[1].Fields);
        Assert.Equal(["3", "丙"], rows[2].Fields);
    }

    [Fact]
    public void Utf8_with_and_without_bom_gb18030_and_utf16_are_told_apart()
    {
        const string text = "code,name\n42,湖北省\n";
        var cases = new (string Name, byte[] Bytes, string Encoding)[]
        {
            ("plain.csv", Encoding.UTF8.GetBytes(text), "utf-8"),
            ("bom.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], "utf-8-bom"),
            ("gb.csv", TextEncodings.Gb18030.GetBytes(text), "gb18030"),
            ("u16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], "utf-16le"),
        };
        foreach (var (name, bytes, encoding) in cases)
        {
            using var t = TabularFile.Open(Write(name, bytes));
            Assert.Equal(encoding, t.Encoding);
            Assert.Equal(["code", "name"], t.Reader.Header);
            Assert.Equal("湖北省", All(t).Single().Fields[1]);
        }
    }

    [Fact]
    public void A_gb18030_file_forced_as_utf8_is_refused_with_a_hint()
    {
        var path = Write("gb.csv", TextEncodings.Gb18030.GetBytes("code,name\n42,湖北省\n"));
        var e = Assert.Throws<InvalidInputException>(() =>
        {
            using var t = TabularFile.Open(path, EncodingChoice.Utf8);
            All(t);
        });
        Assert.Contains("gb18030", e.Message);
    }

    [Fact]
    public void Gzip_and_tab_separated_files_are_read_directly()
    {
        var path = _dir.File("t.tsv.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            gz.Write(Encoding.UTF8.GetBytes("code\tname\n42\t湖北省\n"));
        using var t = TabularFile.Open(path);
        Assert.True(t.Compressed);
        Assert.Equal("tsv", t.Format);
        Assert.Equal(["42", "湖北省"], All(t).Single().Fields);
    }

    [Fact]
    public void A_record_over_the_limit_is_reported_and_reading_goes_on()
    {
        var big = new string('长', 1 << 20);
        var path = Write("big.csv", Encoding.UTF8.GetBytes($"code,name\n1,短\n2,{big}\n3,短\n"));
        using var t = TabularFile.Open(path);
        Assert.True(t.Reader.Read());
        Assert.True(t.Reader.Read());
        Assert.Equal(3, t.Reader.Line);
        Assert.Contains("超过", t.Reader.RecordError);
        Assert.True(t.Reader.Read());
        Assert.Equal((4, null), (t.Reader.Line, t.Reader.RecordError));
    }

    [Fact]
    public void An_old_xls_workbook_is_refused_with_what_to_do()
    {
        var e = Assert.Throws<InvalidInputException>(() => TabularFile.Open(Write("old.xls", [0xD0, 0xCF, 0x11, 0xE0])));
        Assert.Contains(".xlsx", e.Message);
    }

    public void Dispose() => _dir.Dispose();
}
