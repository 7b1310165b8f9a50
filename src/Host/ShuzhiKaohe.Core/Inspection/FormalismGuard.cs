using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Plugins;

namespace ShuzhiKaohe.Core.Inspection;

/// <summary>Why a text was refused: the rule, what it forbids (completes "以…评判工作好坏"), and the words that matched.</summary>
public sealed record FormalismFinding(string RuleId, string Explanation, string Matched);

/// <summary>
/// The anti-formalism guard (第六条: "不以开会发文、领导批示、记录留痕、信息宣传数量等评判工作好坏，防止形式主义").
/// Indicators, rubrics and checklist entries pass through it before they are used to judge anyone. The core rules
/// (<see cref="CoreFormalismRules"/>) always apply; a sector's <see cref="ISectorRules.AdditionalFormalismRules"/>
/// are added to them for that sector, never instead of them.
/// A match inside a clause that itself disclaims the practice ("不以会议次数评判", "而非看台账是否齐全") is not a
/// finding: quoting 第六条 or telling inspectors what not to count must stay possible.
/// </summary>
public sealed partial class FormalismGuard
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private static readonly IReadOnlyList<CompiledRule> Core = CoreFormalismRules.All.Select(r => Compile(r, "core")).ToList();

    private readonly SectorRegistry _sectors;
    private readonly ConcurrentDictionary<string, IReadOnlyList<CompiledRule>> _bySector = new(StringComparer.Ordinal);

    public FormalismGuard(SectorRegistry sectors) => _sectors = sectors;

    /// <summary>The first rule the text breaks, core rules first, or null when it passes.</summary>
    /// <param name="sector">Adds that sector's rules; an unknown key is <see cref="NotFoundException"/>.</param>
    public FormalismFinding? Check(string text, string? sector = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normal = Normalise(text);
        foreach (var rule in Compiled(sector))
            if (FindUnnegated(rule, normal) is { } matched)
                return new FormalismFinding(rule.Rule.Id, rule.Rule.Explanation, matched);
        return null;
    }

    /// <summary>Refuses the text with 第六条 when a rule matches.</summary>
    /// <param name="what">What the text is, for the message, e.g. "指标“召开会议次数”".</param>
    public void Ensure(string text, string what, string? sector = null)
    {
        if (Check(text, sector) is not { } f) return;
        throw new RuleViolationException("第六条",
            $"{what}以{f.Explanation}评判工作好坏（规则 {f.RuleId}，命中“{f.Matched}”）：应多到现场看、多见具体事、多听群众说，" +
            "不以开会发文、领导批示、记录留痕、信息宣传数量等评判工作好坏");
    }

    /// <summary>The rules that apply, for an operator who asks why: the core's, then the sector's additions.</summary>
    public IReadOnlyList<FormalismRule> RulesFor(string? sector) => Compiled(sector).Select(r => r.Rule).ToList();

    private IEnumerable<CompiledRule> Compiled(string? sector) => sector is null ? Core : Core.Concat(SectorRules(sector));

    private IReadOnlyList<CompiledRule> SectorRules(string sector) => _bySector.GetOrAdd(sector, key =>
        _sectors.Get(key).Rules.AdditionalFormalismRules.Select(r => Compile(r, key)).ToList());

    private static string? FindUnnegated(CompiledRule rule, string text)
    {
        try
        {
            for (var m = rule.Regex.Match(text); m.Success; m = m.NextMatch())
                if (!IsDisclaimed(text, m.Index)) return m.Value;
            return null;
        }
        catch (RegexMatchTimeoutException)
        {
            // A rule that cannot decide in time must not let the text through unexamined.
            throw new InvalidInputException($"反形式主义规则 {rule.Rule.Id}（{rule.Source}）匹配超时，无法审查该文本：请联系插件作者修改规则");
        }
    }

    /// <summary>Is the clause before the match a disclaimer ("不以…", "而非…") that a later "而以…" does not undo?</summary>
    private static bool IsDisclaimed(string text, int index)
    {
        var start = text.LastIndexOfAny([',', ';', '。', '!', '?', ':', '\n'], Math.Max(0, index - 1)) + 1;
        if (index == 0) start = 0;
        var clause = text[start..index];
        var negation = Disclaimer().Matches(clause).LastOrDefault();
        if (negation is null) return false;
        return !Reassertion().IsMatch(clause[(negation.Index + negation.Length)..]);
    }

    internal static string Normalise(string text)
    {
        var nfkc = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        foreach (var c in nfkc)
            if (!char.IsWhiteSpace(c) || c == '\n') sb.Append(c);
        return sb.ToString();
    }

    private static CompiledRule Compile(FormalismRule rule, string source)
    {
        try
        {
            return new CompiledRule(rule, source, new Regex(rule.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout));
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException($"板块 {source} 的反形式主义规则 {rule.Id} 不是有效的正则表达式：{e.Message}", e);
        }
    }

    private sealed record CompiledRule(FormalismRule Rule, string Source, Regex Regex);

    [GeneratedRegex("不以|不看|不查|不按|不凭|不用|不把|不再以|不得以|不单纯以|不简单以|不能以|而非|并非|而不是|防止以|避免以|杜绝以|反对以|禁止以")]
    private static partial Regex Disclaimer();

    [GeneratedRegex("而以|而是以|改以|仍以|还以")]
    private static partial Regex Reassertion();
}
