using System.Runtime.CompilerServices;
using ShuzhiKaohe.Cli;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Security;

namespace ShuzhiKaohe.Host;

public static class Program
{
    public static int Main(string[] args)
    {
        StartupTrace.Mark("main");
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        ProcessAccount.RestrictNewFilesToOwner();
        // The SSH forced-command path: the key's command fixed the operator; the operator's own words arrive here.
        if (Environment.GetEnvironmentVariable("SSH_ORIGINAL_COMMAND") is { } typed)
        {
            try
            {
                var forced = ForcedCommand.Combine(args, typed);
                foreach (var w in forced.Warnings) Console.Error.WriteLine($"警告：{w}");
                args = [.. forced.Args];
            }
            catch (ShuzhiKaohe.Core.Common.InvalidInputException e)
            {
                Console.Error.WriteLine($"用法错误：{e.Message}");
                return ExitCodes.Usage;
            }
        }
        // A headless verb's start-up that does not depend on its arguments, on a second core (Core/Common/StartupWarmup.cs).
        // Not for the console: its start is not a verb's, and its terminal set-up is left to itself.
        if (CliApp.NounOf(args) is not null && !args.Any(a => a is "--help" or "-h" or "-?")) StartupWarmup.Begin();
        Composition.Built? host = null;
        // Services are built on first use, after the parser chose the verb: the console's action says so first.
        var frontEnd = FrontEnd.Cli;
        try
        {
            var app = new CliApp(
                settings =>
                {
                    StartupTrace.Mark("verb parsed; building host");
                    host = Composition.Build(settings, frontEnd);
                    StartupTrace.Mark("host built");
                    // Creates and migrates the database on first use; refuses (exit 3) an operator it does not know.
                    host.Services.GetRequiredService<Authorizer>().EnsureKnown();
                    StartupTrace.Mark("database open, operator known");
                    return host.Services;
                },
                ctx =>
                {
                    frontEnd = FrontEnd.Console;
                    return RunConsole(ctx);
                });
            var code = app.Invoke(args);
            StartupTrace.Mark("verb done");
            return code;
        }
        finally
        {
            host?.Dispose();
        }
    }

    /// <summary>
    /// Kept out of line so that the headless path never loads Terminal.Gui: the JIT resolves the console's
    /// types only when this method runs.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunConsole(CliContext ctx)
    {
        if (Console.IsInputRedirected || Console.IsOutputRedirected)
        {
            ctx.Err.WriteLine("操作台需要终端（stdin 与 stdout 须为终端）。无终端时请使用命令，例如 `shuzhi --help`。");
            return ExitCodes.Usage;
        }
        return Tui.ConsoleApp.Run(ctx.Services);
    }
}
