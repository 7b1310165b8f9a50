using ShuzhiKaohe.Core.Text.Import;

namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>One row of an organisation file, parsed and repaired. A value type: 665,276 of them sit in one array.</summary>
internal struct ImportedOrganisation
{
    public string Code;
    public string Name;
    public string? Parent;
    /// <summary>-1 when the level field was unusable (the row is rejected; later checks skip it).</summary>
    public int Level;
    public int Line;
    public short File;
    public byte Sector;
    public byte Kind;
}

/// <summary>The rows of every file of one import, indexed by code, with the issues found so far.</summary>
internal sealed class ImportedRows
{
    public List<ImportedOrganisation> Rows { get; } = new(1 << 12);
    public Dictionary<string, int> ByCode { get; } = new(1 << 12, StringComparer.Ordinal);
    public List<string> Files { get; } = [];
    public List<string> Sectors { get; } = [];
    public List<string> Kinds { get; } = [];
    public ImportIssueList Issues { get; } = new();
    public int RepairedFields { get; set; }

    public string FileName(short file) => Files[file];
    public string SectorOf(in ImportedOrganisation row) => Sectors[row.Sector];
    public string KindOf(in ImportedOrganisation row) => Kinds[row.Kind];
    public bool IsGrouping(in ImportedOrganisation row) => Kinds[row.Kind] == KindRules.Grouping;

    public void Reject(in ImportedOrganisation row, string reason) => Issues.Add(Files[row.File], row.Line, reason);

    public byte SectorIndex(string key) => Intern(Sectors, key);
    public byte KindIndex(string key) => Intern(Kinds, key);

    private static byte Intern(List<string> list, string key)
    {
        var i = list.IndexOf(key);
        if (i >= 0) return (byte)i;
        if (list.Count == byte.MaxValue) throw new Common.InvalidInputException("文件中的板块或类型种类过多（超过 255 种）");
        list.Add(key);
        return (byte)(list.Count - 1);
    }
}
