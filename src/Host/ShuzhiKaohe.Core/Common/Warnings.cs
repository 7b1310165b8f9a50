namespace ShuzhiKaohe.Core.Common;

/// <summary>A result that went through with warnings (the CLI prints them on stderr and exits 0).</summary>
public sealed record Warned<T>(T Value, IReadOnlyList<string> Warnings)
{
    public static implicit operator Warned<T>(T value) => new(value, []);
}
