using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Ballots;

/// <summary>
/// Reads a ballot file: CSV <c>sheet,org_code,mark</c> (header optional), one row per mark; a void sheet is one row
/// with an empty org_code and the mark <c>void</c>; an empty mark is an explicit blank. Every bad row is reported
/// with its line number; the caller writes nothing when any row is bad.
/// </summary>
public static class BallotCsv
{
    public sealed record Sheet(string Serial, int Line, bool IsVoid, Dictionary<string, Grade?> Marks);

    public static (List<Sheet> Sheets, List<string> Errors) Parse(string text)
    {
        var sheets = new Dictionary<string, Sheet>(StringComparer.Ordinal);
        var order = new List<Sheet>();
        var errors = new List<string>();
        var lines = ImportedText.NormaliseLines(text).TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var n = i + 1;
            var line = lines[i].Replace('，', ',').Trim();
            if (line.Length == 0) continue;
            var fields = line.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();
            if (i == 0 && fields.Length > 0 && fields[0].Equals("sheet", StringComparison.OrdinalIgnoreCase)) continue;
            if (fields.Length != 3)
            {
                errors.Add($"第 {n} 行：应为 3 列（sheet,org_code,mark），实为 {fields.Length} 列");
                continue;
            }
            var (serial, code, markText) = (fields[0], fields[1], fields[2]);
            if (BallotService.SerialProblem(serial) is { } bad)
            {
                errors.Add($"第 {n} 行：{bad}");
                continue;
            }
            if (!sheets.TryGetValue(serial, out var sheet))
            {
                sheet = new Sheet(serial, n, false, new Dictionary<string, Grade?>(StringComparer.Ordinal));
                sheets[serial] = sheet;
                order.Add(sheet);
            }
            if (markText.Equals("void", StringComparison.OrdinalIgnoreCase) || markText is "废票" or "作废")
            {
                if (code.Length > 0) errors.Add($"第 {n} 行：废票行的 org_code 应为空（整张作废），收到 {code}");
                else if (sheet.Marks.Count > 0 || sheet.IsVoid) errors.Add($"第 {n} 行：测评票 {serial} 已有其他行，不能再整张作废");
                else sheets[serial] = order[order.IndexOf(sheet)] = sheet with { IsVoid = true };
                continue;
            }
            if (sheet.IsVoid)
            {
                errors.Add($"第 {n} 行：测评票 {serial} 已整张作废（第 {sheet.Line} 行起），不能再有评价");
                continue;
            }
            if (code.Length == 0)
            {
                errors.Add($"第 {n} 行：缺少 org_code");
                continue;
            }
            if (!BallotMarks.TryParse(markText, out var mark))
            {
                errors.Add($"第 {n} 行：无法识别的评价“{markText}”：应为 好|较好|一般|差（good|fairly_good|average|poor）、空白，或整张 void");
                continue;
            }
            if (!sheet.Marks.TryAdd(code, mark))
                errors.Add($"第 {n} 行：测评票 {serial} 对 {code} 已有评价，同一张票对同一人只能有一个评价");
        }
        return (order, errors);
    }
}
