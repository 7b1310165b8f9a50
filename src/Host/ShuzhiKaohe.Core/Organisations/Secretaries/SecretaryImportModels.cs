using ShuzhiKaohe.Core.Text;

namespace ShuzhiKaohe.Core.Organisations.Secretaries;

public sealed record SecretaryImportOptions(EncodingChoice Encoding = EncodingChoice.Auto, bool DryRun = false);

/// <summary>A year in which an organisation's secretary changed: a campaign of that year assesses the holder and flags the change.</summary>
public sealed record MidYearChange(string OrgCode, int Year, IReadOnlyList<string> Names);

public sealed record SecretaryImportResult(
    int Rows, int PeopleAdded, int TermsAdded, int TermsUpdated, int TermsUnchanged, int TermsClosed,
    int RepairedFields, IReadOnlyList<MidYearChange> MidYearChanges, bool DryRun);
