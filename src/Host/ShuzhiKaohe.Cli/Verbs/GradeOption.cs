using System.CommandLine;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary>The <c>--grade 好|较好|一般|差</c> option of the evaluation verbs (第六条).</summary>
internal static class GradeOption
{
    public static Option<string> Create() =>
        new("--grade") { Description = "等次：好|较好|一般|差（或 good|fairly_good|average|poor）", Required = true, HelpName = "GRADE" };

    public static Grade Parse(string? text) =>
        Grades.TryParse(text, out var g) ? g : throw new InvalidInputException($"无法识别的等次“{text}”：应为 好|较好|一般|差（第六条）");
}
