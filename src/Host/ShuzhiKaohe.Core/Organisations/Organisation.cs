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

    /// <summary>
    /// The one rule of who is assessed (issue 5 §1), from the terms overlapping the year in start order: the term
    /// pinned on the roster entry if any; else the secretary in post on <paramref name="asOf"/> (the session date);
    /// else the year's last. Everyone else who held the post that year is a predecessor, flagged.
    /// </summary>
    public static SecretaryOfYear Choose(IReadOnlyList<SecretaryTerm> terms, DateOnly asOf, long? pinnedTermId = null)
    {
        var holder = pinnedTermId is { } pinned
            ? terms.FirstOrDefault(t => t.Id == pinned)
            : terms.LastOrDefault(t => t.HeldOn(asOf)) ?? terms.LastOrDefault();
        return new SecretaryOfYear(holder, terms.Where(t => t != holder).ToList());
    }
}
