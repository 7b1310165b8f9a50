using System.Text.RegularExpressions;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Tests;

/// <summary>Each written-out shape accepts exactly what the regular expression it replaced accepts, over ASCII.</summary>
public sealed class TextShapesTests
{
    // ECMAScript: \d is [0-9], as in the shapes (which refuse full-width digits, as the versions' int.Parse would).
    private static readonly (Func<string, bool> Shape, Regex Was)[] Pairs =
    [
        (TextShapes.IsOperatorName, new Regex("^[A-Za-z_][A-Za-z0-9_.-]{0,63}$", RegexOptions.ECMAScript)),
        (TextShapes.IsPluginId, new Regex("^[a-z][a-z0-9._-]{1,63}$", RegexOptions.ECMAScript)),
        (TextShapes.IsContractVersion, new Regex(@"^\d{1,3}\.\d{1,3}$", RegexOptions.ECMAScript)),
        (TextShapes.IsPluginVersion, new Regex(@"^\d{1,5}\.\d{1,5}\.\d{1,5}([-+][0-9A-Za-z.-]{1,40})?$", RegexOptions.ECMAScript)),
    ];

    [Theory]
    [InlineData("shuzhi.localities"), InlineData("a"), InlineData("ab"), InlineData("1.0"), InlineData("1.0.0"), InlineData("10.20.30-beta.1")]
    [InlineData("1.0.0+build"), InlineData("1.0.0-"), InlineData("123456.0.0"), InlineData("1..0"), InlineData(""), InlineData("_op"), InlineData("Op-1.x")]
    [InlineData("a b"), InlineData("李四"), InlineData("１.０"), InlineData("1.0\n"), InlineData("0.0.0-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Chosen_cases_agree(string s)
    {
        foreach (var (shape, was) in Pairs)
            Assert.True(shape(s) == (was.IsMatch(s) && !s.EndsWith('\n')), $"{was} on \"{s}\"");
    }

    [Fact]
    public void Random_ascii_words_agree()
    {
        const string alphabet = "aZz_09.-+ x";
        var random = new Random(42);
        for (var i = 0; i < 100_000; i++)
        {
            var length = random.Next(0, i % 10 == 0 ? 70 : 14);
            var s = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            // Numbers and dots in the version shapes' places, often enough to reach their accepting paths.
            if (i % 3 == 0) s = $"{random.Next(0, 1_000_000)}.{random.Next(0, 2000)}" + (i % 2 == 0 ? $".{random.Next(0, 99)}" : "") + s[..Math.Min(s.Length, 3)];
            foreach (var (shape, was) in Pairs)
                Assert.True(shape(s) == was.IsMatch(s), $"{was} on \"{s}\"");
        }
    }

    [Fact]
    public void Full_width_digits_and_a_trailing_newline_are_refused()
    {
        Assert.False(TextShapes.IsContractVersion("１.０"));
        Assert.False(TextShapes.IsPluginVersion("1.0.0\n"));
        Assert.False(TextShapes.IsOperatorName("op\n"));
    }
}
