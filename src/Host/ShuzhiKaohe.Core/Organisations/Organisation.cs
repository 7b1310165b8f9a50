namespace ShuzhiKaohe.Core.Organisations;

/// <summary>A Party organisation (党组织) in the tree of 第三条.</summary>
public sealed record Organisation(
    string Code,
    string Name,
    string? ParentCode,
    string Sector,
    int Level,
    string Kind,
    bool IsGrouping,
    DateOnly? FoundedOn,
    DateOnly? DissolvedOn,
    long RowVersion)
{
    public bool IsActiveIn(int year) =>
        (FoundedOn is null || FoundedOn.Value.Year <= year) && (DissolvedOn is null || DissolvedOn.Value.Year >= year);
}

/// <summary>A code and a name: how paths and superiors are shown.</summary>
public sealed record OrganisationRef(string Code, string Name);

/// <summary>The secretary of an organisation over a period (end null = in post).</summary>
public sealed record SecretaryTerm(long Id, string OrgCode, long PersonId, string PersonName, DateOnly StartOn, DateOnly? EndOn)
{
    public bool Overlaps(int year) =>
        StartOn <= new DateOnly(year, 12, 31) && (EndOn is null || EndOn.Value > new DateOnly(year, 1, 1));

    public bool HeldOn(DateOnly date) => StartOn <= date && (EndOn is null || EndOn.Value > date);
}

/// <summary>
/// Who held an organisation's secretary post in a year: the holder at the reference date, and any other holder
/// of that year (a mid-year change keeps both and is flagged).
/// </summary>
public sealed record SecretaryOfYear(SecretaryTerm? Holder, IReadOnlyList<SecretaryTerm> Others)
{
    public bool MidYearChange => Others.Count > 0;
}
