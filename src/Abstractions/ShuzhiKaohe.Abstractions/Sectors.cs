namespace ShuzhiKaohe.Abstractions;

/// <summary>
/// The keys of the built-in sectors (第三条). A sector is owned by exactly one loaded plugin; other plugins
/// may bring further keys. Keys are lower-case ASCII, stable, and used as prefixes of a plugin's tables.
/// </summary>
public static class SectorKeys
{
    /// <summary>地方 — provinces, cities, counties, townships, and the work committees beside them.</summary>
    public const string Localities = "localities";
    /// <summary>机关 — central and state organs, provincial and local organs.</summary>
    public const string Organs = "organs";
    /// <summary>国有企业 — 中管金融企业, 中央企业, 地方国有企业.</summary>
    public const string StateEnterprises = "soe";
    /// <summary>高校</summary>
    public const string Universities = "universities";
    /// <summary>公立医院</summary>
    public const string Hospitals = "hospitals";

    /// <summary>A key is 2–32 characters of a–z, 0–9 and '_', starting with a letter.</summary>
    public static bool IsValid(string? key) =>
        key is { Length: >= 2 and <= 32 } && char.IsAsciiLetterLower(key[0])
        && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}

/// <summary>One level of a sector's organisation tree, e.g. level 3 of 地方 is 县（市、区、旗）党委.</summary>
/// <param name="Level">1 is the top of the sector's tree; deeper levels have larger numbers.</param>
/// <param name="Name">The Chinese name of organisations at this level.</param>
/// <param name="AssessedAsReporter">Whether secretaries at this level are assessed by the level above
/// (第三条 names the levels that are the focus; leaves such as villages may not be).</param>
public sealed record OrganisationLevel(int Level, string Name, bool AssessedAsReporter = true);

/// <summary>A kind of organisation within a sector (e.g. 机关工委 beside the locality's committee).</summary>
/// <param name="Key">Stable ASCII key, e.g. "work_committee".</param>
/// <param name="Name">Chinese name.</param>
public sealed record OrganisationKind(string Key, string Name);
