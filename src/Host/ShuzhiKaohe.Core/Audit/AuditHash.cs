using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ShuzhiKaohe.Core.Audit;

/// <summary>The hashes of the trail. Changing anything here breaks every existing chain: don't.</summary>
public static class AuditHash
{
    /// <summary>The prev_hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>SHA-256 over the entry's fields and its predecessor's hash, as a JSON array (unambiguous).</summary>
    public static string Entry(AuditEntry e)
    {
        var fields = new object?[]
        {
            e.PrevHash, e.Id, e.At, e.Operator, e.FrontEnd, e.Action, e.Entity, e.Key, e.OrgCode, e.Summary, e.StateHash,
        };
        return Hex(JsonSerializer.SerializeToUtf8Bytes(fields));
    }

    /// <summary>The hash of one record's state (its JSON text).</summary>
    public static string State(string stateJson) => Hex(Encoding.UTF8.GetBytes(stateJson));

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

/// <summary>One entry of the trail.</summary>
/// <param name="StateHash">SHA-256 of the record's state after the change; null when the record is gone or nothing changed.</param>
public sealed record AuditEntry(
    long Id,
    string At,
    string Operator,
    string FrontEnd,
    string Action,
    string Entity,
    string Key,
    string? OrgCode,
    string Summary,
    string? StateHash,
    string PrevHash,
    string EntryHash);
