using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShuzhiKaohe.Core.Bundles;

/// <summary>
/// What a bundle carries (第八条: a level's campaign reported to the level above): the campaign with its approval,
/// the roster with grades and evaluation texts, the tally with its hash, comments, reports, revisions and the
/// rectification list. Field order is the declaration order below; lists are ordered by organisation code, then by
/// their own id or time. JSON names are snake_case; docs/bundles.md lists them.
/// </summary>
public sealed record BundlePayload(
    string Format,
    BundleSender Sender,
    string ExportedAt,
    string ExportedBy,
    BundleCampaign Campaign,
    IReadOnlyList<BundleAssessee> Roster,
    BundleTally Tally,
    IReadOnlyList<BundleComment> Comments,
    IReadOnlyList<BundleReport> Reports,
    IReadOnlyList<BundleRevision> Revisions,
    IReadOnlyList<BundleRectification> Rectification,
    IReadOnlyList<BundleCirculation> RectificationCirculations,
    IReadOnlyList<BundlePublication> Publications);

/// <summary>The sending organisation (the campaign's organiser) and the fingerprint of the key that signs.</summary>
public sealed record BundleSender(string Code, string Name, string KeyFingerprint);

public sealed record BundleCampaign(long Id, int Year, string Stage, double? MinBelowGood, string? ApprovedAt, string? ApprovedBy, string? Meeting);

/// <summary>An assessee with its grade (null before evaluation) and its evaluation text (explanation, reason).</summary>
public sealed record BundleAssessee(string Code, string Name, string Sector, int Level, string Secretary, string? Grade, string? GradeStatus,
    double? Score, string? ProposedGrade, string? Explanation, string? Reason);

/// <summary>The ballot count (评议, 第五条) with the hash over the sheets' digests (<c>ballot verify</c>) and those digests.</summary>
public sealed record BundleTally(int? Issued, int Sheets, int Void, string Hash, bool SealMatches, IReadOnlyList<BundleTallyLine> Assessees,
    IReadOnlyList<BundleSheet> SheetDigests);

public sealed record BundleTallyLine(string Code, int Good, int FairlyGood, int Average, int Poor, int Blank);

public sealed record BundleSheet(string Serial, string Digest);

public sealed record BundleComment(string Code, string By, string? Commenter, string Mode, string? Problems, string? Direction, string RecordedAt);

public sealed record BundleReport(string Code, string Mode, string? WrittenReason, string? Achievements, string? Problems, string? Causes, string? Measures);

public sealed record BundleRevision(string Code, string From, string To, string Reason, string Decision, string RevisedBy, string RevisedAt);

/// <summary>A rectification item; <c>carried</c>: raised by an earlier campaign of the organiser and still open (第四条).</summary>
public sealed record BundleRectification(long Id, string Code, bool Carried, string Source, string? SourceRef, string Description, string? Measures,
    string? Owner, string Deadline, string Status, string? Referral, IReadOnlyList<BundleProgress> Progress);

public sealed record BundleProgress(string Note, string ToStatus, string RecordedBy, string RecordedAt);

public sealed record BundleCirculation(string? Scope, int Items, int Open, int InProgress, int Done, int Overdue, string CirculatedBy, string CirculatedAt);

public sealed record BundlePublication(string Scope, string PublishedBy, string PublishedAt);

/// <summary>The payload's canonical JSON: UTF-8 without BOM, two-space indentation, LF, non-ASCII unescaped, a final LF.</summary>
public static class BundleJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static byte[] Serialize(BundlePayload payload) => [.. JsonSerializer.SerializeToUtf8Bytes(payload, Options), (byte)'\n'];

    /// <summary>Reads a payload; null with the reason when it is not one (after its signature was verified).</summary>
    public static BundlePayload? Deserialize(byte[] payload, out string? problem)
    {
        try
        {
            var read = JsonSerializer.Deserialize<BundlePayload>(payload, Options);
            problem = read is null ? "内容为空" : null;
            return read;
        }
        catch (JsonException e)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>The sender's code and name read from a payload not yet verified — only to name it in a refusal.</summary>
    public static (string? Code, string? Name) ClaimedSender(byte[] payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var s = doc.RootElement.GetProperty("sender");
            return (s.GetProperty("code").GetString(), s.GetProperty("name").GetString());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, null);
        }
    }

    public static string Text(byte[] payload) => new UTF8Encoding(false, true).GetString(payload);
}
