using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShuzhiKaohe.Cli.Verbs;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Cli;

/// <summary>
/// The shape of the command line: <c>shuzhi [global options]</c> opens the console, <c>shuzhi NOUN VERB
/// [options]</c> runs headless. Global options are accepted before or after the verb.
/// </summary>
public sealed class CliApp
{
    public static readonly Option<string?> DbOption = new("--db")
    {
        Description = "数据库文件路径（默认：$SHUZHI_DB，否则 $XDG_DATA_HOME/shuzhi/shuzhi.db）",
        Recursive = true,
        HelpName = "PATH",
    };

    public static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "以 JSON 输出（UTF-8，中文不转义）",
        Recursive = true,
    };

    public static readonly Option<string?> OperatorOption = new("--operator")
    {
        Description = "操作员名（仅数据库所有者账户有效，供 SSH 强制命令使用）",
        Recursive = true,
        HelpName = "NAME",
    };

    private readonly Func<GlobalSettings, IServiceProvider> _services;
    private readonly Func<CliContext, int> _console;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly Dictionary<string, RootCommand> _roots = new(StringComparer.Ordinal);

    /// <param name="services">Builds the host's services for the settings (called at most once, on first use).</param>
    /// <param name="console">Opens the console; called when no verb is given.</param>
    public CliApp(Func<GlobalSettings, IServiceProvider> services, Func<CliContext, int> console, TextWriter? output = null, TextWriter? error = null)
    {
        _services = services;
        _console = console;
        _out = output ?? Console.Out;
        _err = error ?? Console.Error;
    }

    /// <summary>
    /// Every noun, in <c>--help</c> order. A new noun is a class in Verbs/ and one entry here: listed rather than
    /// found by scanning the assembly's types at every start (issue 11). Architecture tests fail on a class left out.
    /// </summary>
    public static IReadOnlyList<IVerbGroup> Groups { get; } = ((IVerbGroup[])
    [
        new DemoVerbs(), new OrgVerbs(), new PersonVerbs(), new CampaignVerbs(), new FocusVerbs(), new InspectVerbs(),
        new SessionVerbs(), new DebriefVerbs(), new CommentVerbs(), new BallotVerbs(), new OperatorVerbs(),
        new EvaluateVerbs(), new AnnualVerbs(), new RectifyVerbs(), new AuditVerbs(), new ExportVerbs(), new KeyVerbs(),
        new PluginVerbs(), new DbVerbs(),
    ]).OrderBy(g => g.Order).ThenBy(g => g.Noun, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The command tree for <paramref name="args"/>: when they name a noun, only that noun's verbs are built —
    /// a headless verb pays for its own options, not the other eighteen nouns' (issue 11, cold start). Without a
    /// known noun (the console, <c>--help</c>, <c>--version</c>, a typo) every noun is built, so help and
    /// "did you mean" see the whole tree.
    /// </summary>
    public RootCommand BuildRoot(IReadOnlyList<string>? args = null)
    {
        var noun = args is null ? null : NounOf(args);
        var named = Groups.FirstOrDefault(g => g.Noun == noun);
        var key = named?.Noun ?? "";
        if (_roots.TryGetValue(key, out var built)) return built;
        var root = new RootCommand("述职考核 ShuzhiKaohe — 党委（党组）书记抓基层党建工作述职评议考核。不带命令时打开操作台。")
        {
            DbOption, JsonOption, OperatorOption,
        };
        root.SetAction(pr => Run(pr, _console));
        foreach (var group in named is null ? Groups : [named])
            root.Subcommands.Add(group.Build(this));
        return _roots[key] = root;
    }

    /// <summary>The first word that is neither an option nor the value of a global option taking one.</summary>
    public static string? NounOf(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--") return null;
            if (a == DbOption.Name || a == OperatorOption.Name) { i++; continue; }
            if (a.StartsWith('-')) continue;
            return a;
        }
        return null;
    }

    /// <summary>Parses and runs; every failure becomes a message and an exit code, never a stack trace.</summary>
    public int Invoke(IReadOnlyList<string> args)
    {
        // No response files (@file): over SSH the operator's words must not pull options from files on the server.
        var parse = BuildRoot(args).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) _err.WriteLine($"用法错误：{e.Message}");
            _err.WriteLine($"用 `shuzhi {string.Join(' ', CommandPath(parse))} --help` 查看用法。".Replace("  ", " "));
            return ExitCodes.Usage;
        }
        return parse.Invoke(new InvocationConfiguration { Output = _out, Error = _err, EnableDefaultExceptionHandler = false });
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            if (r.Command is not RootCommand) names.Insert(0, r.Command.Name);
        return names;
    }

    /// <summary>Runs a verb's body with the shared context and the error mapping.</summary>
    public int Run(ParseResult parse, Func<CliContext, int> body)
    {
        var settings = new GlobalSettings(parse.GetValue(DbOption), parse.GetValue(JsonOption), parse.GetValue(OperatorOption));
        var ctx = new CliContext(parse, settings, _services, _out, _err);
        try
        {
            return body(ctx);
        }
        catch (ShuzhiException e)
        {
            _err.WriteLine(e.Message);
            return e.ExitCode;
        }
        catch (SqliteException e)
        {
            Log(ctx, e);
            _err.WriteLine($"数据库错误（已记入日志）：{DescribeSqlite(e)}");
            return ExitCodes.Refused;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _err.WriteLine($"文件错误：{e.Message}");
            return ExitCodes.Refused;
        }
        catch (Exception e)
        {
            // Issue 10: never a stack trace on the operator's screen. Nothing was committed: every write is one transaction.
            Log(ctx, e);
            _err.WriteLine($"程序内部错误（{e.GetType().Name}：{e.Message}），操作未完成，数据未改动；详情已记入日志，请报告给管理员。");
            return ExitCodes.Internal;
        }
    }

    private static string DescribeSqlite(SqliteException e) => e.SqliteErrorCode switch
    {
        5 or 6 => "数据库正忙，其他操作员的写入未在等待时间内结束，请稍后重试",
        8 => "数据库文件只读",
        11 or 26 => "数据库文件已损坏或不是数据库",
        13 => "磁盘已满",
        14 => "无法打开数据库文件",
        _ => e.Message,
    };

    private static void Log(CliContext ctx, Exception e)
    {
        try { ctx.Services.GetService<ILoggerFactory>()?.CreateLogger("cli").LogError(e, "verb failed"); }
        catch (Exception) { /* logging must not mask the error the operator needs to see */ }
    }
}
