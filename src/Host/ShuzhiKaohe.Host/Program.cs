using System.Runtime.CompilerServices;
using ShuzhiKaohe.Cli;
using ShuzhiKaohe.Core;

namespace ShuzhiKaohe.Host;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        Microsoft.Extensions.Hosting.IHost? host = null;
        try
        {
            var app = new CliApp(
                settings => (host = Composition.Build(settings, IsConsole(args) ? FrontEnd.Console : FrontEnd.Cli)).Services,
                RunConsole);
            return app.Invoke(args);
        }
        finally
        {
            host?.Dispose();
        }
    }

    private static bool IsConsole(string[] args) => args.All(a => a.StartsWith('-'));

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
