using ShuzhiKaohe.Core.Text;

namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>How an organisation file is imported (<c>shuzhi org import</c>).</summary>
/// <param name="Sector">The sector of rows without a sector column; default the Localities module's.</param>
/// <param name="DryRun">Check everything, write nothing.</param>
/// <param name="DissolveMissing">Mark dissolved the active organisations of the imported sectors that the files
/// do not list (the files are then the complete list of those sectors). Nothing is ever deleted.</param>
/// <param name="AsOf">The date recorded as dissolved_on; default today.</param>
public sealed record OrganisationImportOptions(
    EncodingChoice Encoding = EncodingChoice.Auto,
    string? Sector = null,
    bool DryRun = false,
    bool DissolveMissing = false,
    DateOnly? AsOf = null);

/// <summary>What an import did (or, dry run, would do); <see cref="PhaseSeconds"/>: read, validate, write, commit — or, into an
/// empty table, read_write (the rows written while read), validate, write (the parent index, journal, audit), commit.</summary>
public sealed record OrganisationImportResult(
    IReadOnlyList<ImportedFile> Files,
    int Rows,
    int Inserted,
    int Updated,
    int Unchanged,
    int Reactivated,
    int Dissolved,
    int Groupings,
    int RepairedFields,
    IReadOnlyDictionary<int, int> RowsPerLevel,
    bool DryRun,
    double Seconds,
    IReadOnlyDictionary<string, double> PhaseSeconds);

/// <summary>One file of an import: its format and the encoding it was read in.</summary>
public sealed record ImportedFile(string Path, string Format, string Encoding, bool Compressed, int Rows);
