using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ShuzhiKaohe.Core.Exports;

/// <summary>CSV (the main table, UTF-8 with BOM so Excel reads Chinese, CRLF, RFC 4180 quoting) and JSON (every table, rows keyed by snake_case column keys).</summary>
internal static class TextFormats
{
    public static void Csv(string path, ExportTable table)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
        w.WriteLine(string.Join(",", table.Columns.Select(c => Quote(c.Header))));
        foreach (var row in table.Rows)
            w.WriteLine(string.Join(",", row.Select(v => Quote(Plain(v)))));
    }

    private static string Plain(object? v) => v switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public static void Json(string path, ExportDocument document, CampaignSnapshot s, ExportContent content)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("document", document.Key());
        w.WriteString("title", content.Title);
        w.WriteNumber("campaign", s.Campaign.Id);
        w.WriteString("organiser", s.Campaign.OrganiserCode);
        w.WriteString("organiser_name", s.OrganiserName);
        w.WriteNumber("year", s.Year);
        w.WriteString("stage", Campaigns.CampaignStages.Key(s.Campaign.Stage));
        w.WriteBoolean("approved", s.Approved);
        w.WriteString("generated_at", s.GeneratedAt);
        w.WriteStartArray("tables");
        foreach (var t in content.Tables)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            w.WriteStartArray("columns");
            foreach (var c in t.Columns)
            {
                w.WriteStartObject();
                w.WriteString("key", c.Key);
                w.WriteString("header", c.Header);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("rows");
            foreach (var row in t.Rows)
            {
                w.WriteStartObject();
                for (var i = 0; i < t.Columns.Count; i++)
                {
                    w.WritePropertyName(t.Columns[i].Key);
                    switch (row[i])
                    {
                        case null: w.WriteNullValue(); break;
                        case string str: w.WriteStringValue(str); break;
                        case int n: w.WriteNumberValue(n); break;
                        case long n: w.WriteNumberValue(n); break;
                        case decimal n: w.WriteNumberValue(n); break;
                        default: w.WriteNumberValue(Convert.ToDouble(row[i], CultureInfo.InvariantCulture)); break;
                    }
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
