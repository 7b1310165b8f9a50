namespace ShuzhiKaohe.Bench.Generator;

/// <summary>
/// A small deterministic generator (SplitMix64): the same seed gives the same sequence on every runtime and machine,
/// which <see cref="System.Random"/> does not promise. <see cref="For"/> derives an independent stream from the seed
/// and a key (an organisation code), so what one organisation gets does not depend on the order of the others.
/// </summary>
public sealed class Rng(ulong state)
{
    private ulong _state = state;

    public static Rng For(long seed, string key) => new(Mix((ulong)seed ^ StableHash(key)));

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes (string.GetHashCode is randomised per process).</summary>
    public static ulong StableHash(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in s)
        {
            h ^= ch;
            h *= 1099511628211UL;
        }
        return h;
    }

    public ulong Next() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>0 ≤ value &lt; <paramref name="n"/>.</summary>
    public int Below(int n) => (int)(Next() % (ulong)n);

    /// <summary><paramref name="min"/> ≤ value ≤ <paramref name="max"/>.</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);

    /// <summary>0 ≤ value &lt; 1.</summary>
    public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => Unit() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
