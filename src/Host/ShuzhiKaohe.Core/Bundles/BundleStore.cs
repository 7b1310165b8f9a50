using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Bundles;

/// <summary>A bundle received from below, as listed (the file itself stays in the database).</summary>
public sealed record ReceivedBundle(long Id, string SenderCode, string SenderName, long CampaignRef, int Year, string Stage, string ExportedAt,
    string KeyFingerprint, string PayloadSha256, string ImportedBy, string ImportedAt);

/// <summary>The SQL of signing keys, trusted keys and received bundles. Callers own the transaction.</summary>
internal static class BundleStore
{
    public static (SigningKeyInfo Info, byte[] PublicKey, byte[] PrivateKey)? KeyInUse(SqliteConnection c, SqliteTransaction? tx, string orgCode) =>
        c.List(tx, """
            SELECT id, org_code, fingerprint, created_by, created_at, retired_at, public_key, private_key FROM signing_key
             WHERE org_code = $o AND retired_at IS NULL
            """, r => ((SigningKeyInfo, byte[], byte[])?)(ReadKey(r), (byte[])r[6], (byte[])r[7]), ("$o", orgCode)).FirstOrDefault();

    public static List<SigningKeyInfo> Keys(SqliteConnection c) =>
        c.List(null, "SELECT id, org_code, fingerprint, created_by, created_at, retired_at FROM signing_key ORDER BY org_code, id", ReadKey);

    public static long InsertKey(SqliteConnection c, SqliteTransaction tx, string orgCode, string fingerprint, byte[] publicKey, byte[] privateKey, string who) =>
        c.Long(tx, """
            INSERT INTO signing_key(org_code, fingerprint, public_key, private_key, created_by, created_at)
            VALUES ($o, $f, $pub, $priv, $who, $now) RETURNING id
            """, ("$o", orgCode), ("$f", fingerprint), ("$pub", publicKey), ("$priv", privateKey), ("$who", who), ("$now", Sql.Now()));

    public static void RetireKey(SqliteConnection c, SqliteTransaction tx, long id, string who) =>
        c.Exec(tx, "UPDATE signing_key SET retired_by = $who, retired_at = $now WHERE id = $id", ("$who", who), ("$now", Sql.Now()), ("$id", id));

    public static (TrustedKey Key, byte[] PublicKey)? TrustedByFingerprint(SqliteConnection c, SqliteTransaction? tx, string fingerprint) =>
        c.List(tx, "SELECT id, org_code, fingerprint, trusted_by, trusted_at, public_key FROM trusted_key WHERE fingerprint = $f ORDER BY id LIMIT 1",
            r => ((TrustedKey, byte[])?)(ReadTrusted(r), (byte[])r[5]), ("$f", fingerprint)).FirstOrDefault();

    public static List<TrustedKey> Trusted(SqliteConnection c, SqliteTransaction? tx, string? orgCode) =>
        c.List(tx, "SELECT id, org_code, fingerprint, trusted_by, trusted_at FROM trusted_key WHERE ($o IS NULL OR org_code = $o) ORDER BY org_code, id",
            ReadTrusted, ("$o", orgCode));

    public static long InsertTrusted(SqliteConnection c, SqliteTransaction tx, string orgCode, string fingerprint, byte[] publicKey, string who) =>
        c.Long(tx, """
            INSERT INTO trusted_key(org_code, fingerprint, public_key, trusted_by, trusted_at) VALUES ($o, $f, $pub, $who, $now) RETURNING id
            """, ("$o", orgCode), ("$f", fingerprint), ("$pub", publicKey), ("$who", who), ("$now", Sql.Now()));

    private const string ReceivedColumns =
        "id, sender_code, sender_name, campaign_ref, year, stage, exported_at, key_fingerprint, payload_sha256, imported_by, imported_at";

    public static ReceivedBundle? ReceivedBySha(SqliteConnection c, SqliteTransaction? tx, string sha256) =>
        c.List(tx, $"SELECT {ReceivedColumns} FROM received_bundle WHERE payload_sha256 = $h", ReadReceived, ("$h", sha256)).FirstOrDefault();

    public static (ReceivedBundle Bundle, byte[] File)? Received(SqliteConnection c, long id) =>
        c.List(null, $"SELECT {ReceivedColumns}, file FROM received_bundle WHERE id = $id", r => ((ReceivedBundle, byte[])?)(ReadReceived(r), (byte[])r[11]),
            ("$id", id)).FirstOrDefault();

    public static List<ReceivedBundle> ReceivedList(SqliteConnection c, string? senderCode, int? year, SqliteTransaction? tx = null) =>
        c.List(tx, $"""
            SELECT {ReceivedColumns} FROM received_bundle WHERE ($o IS NULL OR sender_code = $o) AND ($y IS NULL OR year = $y)
             ORDER BY sender_code, year, exported_at, id
            """, ReadReceived, ("$o", senderCode), ("$y", year));

    public static long InsertReceived(SqliteConnection c, SqliteTransaction tx, BundlePayload p, string fingerprint, string sha256, byte[] file, string who) =>
        c.Long(tx, """
            INSERT INTO received_bundle(sender_code, sender_name, campaign_ref, year, stage, exported_at, key_fingerprint, payload_sha256, file, imported_by, imported_at)
            VALUES ($o, $n, $ref, $y, $st, $at, $f, $h, $file, $who, $now) RETURNING id
            """, ("$o", p.Sender.Code), ("$n", p.Sender.Name), ("$ref", p.Campaign.Id), ("$y", p.Campaign.Year), ("$st", p.Campaign.Stage),
            ("$at", p.ExportedAt), ("$f", fingerprint), ("$h", sha256), ("$file", file), ("$who", who), ("$now", Sql.Now()));

    private static SigningKeyInfo ReadKey(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.NullableString(5));

    private static TrustedKey ReadTrusted(SqliteDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4));

    private static ReceivedBundle ReadReceived(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt32(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8),
        r.GetString(9), r.GetString(10));
}
