using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using ShuzhiKaohe.Core.Text;
using ShuzhiKaohe.Core.Text.Import;
using ShuzhiKaohe.Core.Text.Tabular;

namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>
/// Reads the rows of one organisation file into <see cref="ImportedRows"/>: checks each field's bytes, repairs
/// its text, parses it, and rejects the row with its line number when something is wrong. Well-formed values
/// (nearly all of them) are copied straight from the reader's buffer into the rows' text arena: no string per value.
/// </summary>
internal static class OrganisationFileParser
{
    public const int MaxNameChars = 100;
    public const int MaxCodeChars = 64;

    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["code"] = ["代码", "编码", "组织代码", "区划代码", "org_code"],
        ["name"] = ["名称", "组织名称", "党组织名称"],
        ["parent_code"] = ["上级代码", "上级组织代码", "parent", "parent_org"],
        ["level"] = ["层级", "级别"],
        ["sector"] = ["板块"],
        ["kind"] = ["类型", "组织类型"],
    };

    private static readonly string[] Required = ["code", "name", "parent_code", "level"];

    private static readonly SearchValues<char> CodeChars =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._-");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Read(OpenedTable table, short file, string defaultSector, SectorShapes shapes, ImportedRows rows, IProgress<ImportProgress>? progress)
    {
        var reader = table.Reader;
        var fileName = rows.Files[file];
        var map = ColumnMap.Resolve(reader.Header, Columns, Required, fileName);
        int cCode = map["code"], cName = map["name"], cParent = map["parent_code"], cLevel = map["level"], cSector = map["sector"], cKind = map["kind"];
        var width = reader.Header.Count;
        var defaultSectorIndex = rows.SectorIndex(defaultSector);
        var problems = new List<string>(4);
        var count = 0;
        while (reader.Read())
        {
            if ((++count & 0x3FFF) == 0) progress?.Report(new ImportProgress("读取", table.Position.Done, table.Position.Total));
            var line = reader.Line;
            if (reader.RecordError is { } recordError)
            {
                rows.Issues.Add(fileName, line, recordError);
                continue;
            }
            if (reader.FieldCount != width)
            {
                rows.Issues.Add(fileName, line,
                    $"有 {reader.FieldCount} 个字段，表头有 {width} 个：行不齐（未加引号的字段里有逗号？如“,,,,,,”应为“，”）");
                continue;
            }
            problems.Clear();
            for (var f = 0; f < width; f++)
                if (FieldChecks.Problem(reader.Field(f), reader.Header[f]) is { } p) problems.Add(p);
            if (problems.Count > 0)
            {
                rows.Issues.Add(fileName, line, string.Join("；", problems));
                continue;
            }

            var mark = rows.Text.Mark;
            var row = new ImportedOrganisation { Line = line, File = file, Level = -1, Sector = defaultSectorIndex, ParentRow = -1, Parent = TextRef.None };
            var rawCode = reader.Field(cCode);
            if (IsPlainCode(rawCode)) row.Code = rows.Text.Add(rawCode);
            else
            {
                var code = Repair(rows, rawCode);
                if (code.Length == 0) { rows.Issues.Add(fileName, line, "代码为空"); continue; }
                if (!IsPlainCode(code))
                {
                    rows.Issues.Add(fileName, line, $"代码 {code} 不合格：只允许字母、数字和 . _ -，至多 {MaxCodeChars} 个字符");
                    continue;
                }
                row.Code = rows.Text.Add(code);
            }

            var rawParent = reader.Field(cParent);
            if (rawParent.Length > 0)
            {
                var parent = IsPlainCode(rawParent) ? rawParent : Repair(rows, rawParent).AsSpan();
                if (parent.Length > 0 && !IsPlainCode(parent)) problems.Add($"上级代码 {parent} 不合格：只允许字母、数字和 . _ -");
                if (parent.Length > 0)
                {
                    row.ParentRow = rows.Find(parent);
                    row.Parent = row.ParentRow >= 0 ? rows[row.ParentRow].Code : rows.Text.Add(parent);
                }
            }

            var rawName = reader.Field(cName);
            var name = TextRepair.NeedsRepair(rawName) ? Repair(rows, rawName).AsSpan() : rawName;
            if (name.Length == 0) problems.Add("名称为空");
            else if (name.Length > MaxNameChars) problems.Add($"名称长 {name.Length} 个字符，超过上限 {MaxNameChars}");
            row.Name = rows.Text.Add(name);

            if (cSector >= 0 && reader.Field(cSector).Length > 0)
            {
                var sector = Repair(rows, reader.Field(cSector)).ToLowerInvariant();
                if (sector.Length > 0 && !shapes.Contains(sector)) problems.Add($"板块 {sector} 没有已加载的插件提供（已加载：{shapes.Loaded}）");
                else if (sector.Length > 0) row.Sector = rows.SectorIndex(sector);
            }
            var shape = shapes[rows.Sectors[row.Sector]];

            var rawLevel = reader.Field(cLevel);
            if (ParseLevel(rows, rawLevel) is { } level)
            {
                if (shape.Levels.Contains(level)) row.Level = level;
                else problems.Add($"层级 {level} 不是板块 {rows.Sectors[row.Sector]} 的层级（{shape.Top}–{shape.Bottom}）");
            }
            else problems.Add($"层级“{rawLevel}”不是整数");

            string? kind = null;
            if (cKind >= 0 && reader.Field(cKind).Length > 0)
            {
                kind = Repair(rows, reader.Field(cKind)).ToLowerInvariant();
                if (!shape.Kinds.Contains(kind))
                {
                    problems.Add($"类型 {kind} 不是板块 {rows.Sectors[row.Sector]} 的类型（{string.Join(", ", shape.Kinds.Order(StringComparer.Ordinal))}）");
                    kind = null;
                }
            }
            row.Kind = rows.KindIndex(kind ?? KindRules.Infer(rows.Sectors[row.Sector], row.Level, name));

            if (problems.Count > 0) row.Level = -1;
            // The code is registered even when the row is rejected, so that its children do not report a missing parent too.
            if (!rows.TryAdd(ref row, out var first))
            {
                rows.Text.Truncate(mark);
                var at = rows[first];
                var where = rows.Files[at.File] == fileName ? $"第 {at.Line} 行" : $"{rows.Files[at.File]} 第 {at.Line} 行";
                problems.Insert(0, $"代码 {rows.CodeText(first)} 重复：{where}已有");
            }
            if (problems.Count > 0) rows.Issues.Add(fileName, line, string.Join("；", problems));
        }
        return count;
    }

    private static bool IsPlainCode(ReadOnlySpan<char> s) => s.Length is > 0 and <= MaxCodeChars && !s.ContainsAnyExcept(CodeChars);

    private static int? ParseLevel(ImportedRows rows, ReadOnlySpan<char> raw)
    {
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var level)) return level;
        return int.TryParse(Repair(rows, raw), NumberStyles.None, CultureInfo.InvariantCulture, out level) ? level : null;
    }

    private static string Repair(ImportedRows rows, ReadOnlySpan<char> raw)
    {
        var value = raw.ToString();
        if (!TextRepair.RepairField(value, out var repaired)) return value;
        rows.RepairedFields++;
        return repaired;
    }
}
