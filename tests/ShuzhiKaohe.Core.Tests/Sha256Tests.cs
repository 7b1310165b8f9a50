using System.Security.Cryptography;
using System.Text;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Tests;

/// <summary>The managed SHA-256 gives the platform's digests, whole or in pieces.</summary>
public sealed class Sha256Tests
{
    private static string Managed(ReadOnlySpan<byte> data)
    {
        var h = new Sha256();
        h.Append(data);
        return Convert.ToHexStringLower(h.Finish());
    }

    [Fact]
    public void The_FIPS_examples()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Managed([]));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Managed("abc"u8));
        Assert.Equal("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
            Managed("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"u8));
    }

    [Fact]
    public void Every_length_to_one_kibibyte_matches_the_platform()
    {
        var data = new byte[1025];
        new Random(11).NextBytes(data);
        for (var n = 0; n <= 1024; n++)
            Assert.True(Convert.ToHexStringLower(SHA256.HashData(data.AsSpan(0, n))) == Managed(data.AsSpan(0, n)), $"length {n}");
    }

    [Fact]
    public void Appending_in_pieces_and_from_a_stream_gives_the_same_digest()
    {
        var data = new byte[300_000];
        new Random(5).NextBytes(data);
        var expected = Convert.ToHexStringLower(SHA256.HashData(data));
        var random = new Random(7);
        for (var round = 0; round < 20; round++)
        {
            var h = new Sha256();
            for (var at = 0; at < data.Length;)
            {
                var n = Math.Min(data.Length - at, random.Next(0, 200));
                h.Append(data.AsSpan(at, n));
                at += n;
            }
            Assert.Equal(expected, Convert.ToHexStringLower(h.Finish()));
        }
        Assert.Equal(expected, Sha256.HexOf(new MemoryStream(data)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("述职评议考核"))), Managed(Encoding.UTF8.GetBytes("述职评议考核")));
    }
}
