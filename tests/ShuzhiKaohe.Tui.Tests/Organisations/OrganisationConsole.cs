using ShuzhiKaohe.Core.Organisations.Import;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;
using ShuzhiKaohe.Tui.Organisations;
using Terminal.Gui.Input;

namespace ShuzhiKaohe.Tui.Tests.Organisations;

/// <summary>
/// The console on a real database seeded with the demo province (demo/divisions-hubei.csv) through the real
/// importer, opened on the organisations screen. One per test.
/// </summary>
internal sealed class OrganisationConsole : IDisposable
{
    public static string DemoFile => Path.Combine(RepoPaths.Root, "demo", "divisions-hubei.csv");

    public OrganisationConsole(int width = 80, int height = 24, bool seed = true)
    {
        Console = new ConsoleHarness(width, height);
        if (seed) Console.Core.Get<OrganisationImporter>().Import([DemoFile], new OrganisationImportOptions());
        Console.Shell.Open(OrganisationsScreen.ScreenId);
        Console.App.LayoutAndDraw();
    }

    public ConsoleHarness Console { get; }

    public OrganisationsScreen Screen => Assert.IsType<OrganisationsScreen>(Console.Shell.Current);

    public string Text => Console.Text;

    public void Press(params Key[] keys) => Console.Press(keys);

    /// <summary>Rows in the organisation table, read straight from the database file.</summary>
    public long OrganisationRows()
    {
        using var c = Console.Core.Get<Database>().Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM organisation";
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    /// <summary>Runs the main loop's due work (progress and completion the import thread posted) until <paramref name="done"/>.</summary>
    public void PumpUntil(Func<bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the console");
            Console.App.TimedEvents!.RunTimers();
            Thread.Sleep(5);
        }
        Console.App.TimedEvents!.RunTimers();
        Console.App.LayoutAndDraw();
    }

    public void Dispose() => Console.Dispose();
}
