using System.Diagnostics;
using ShuzhiKaohe.Core.Organisations.Import;
using ShuzhiKaohe.Testing;
using ShuzhiKaohe.Tui.Organisations;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

// Key-to-repaint of the organisations screen over the whole real tree (issue 7's goal: p95 <= 50 ms).
//
//   TreeBench DB [DIVISIONS.csv VILLAGES.csv.gz]
//
// With the data files, first imports them into DB (a new file) with the real importer. Then runs the real shell
// headless (Terminal.Gui's ANSI driver, 120x40), opens the organisations screen, and times each key from injection
// to the end of the repaint (InjectKey + LayoutAndDraw): a seeded walk of arrows, expands and collapses, Page Down,
// and jumps by search to the widest township, whose villages are then expanded. Prints p50/p95/max per key kind.
if (args.Length is not (1 or 3)) { Console.Error.WriteLine("usage: TreeBench DB [DIVISIONS.csv VILLAGES.csv.gz]"); return 2; }
var dbPath = Path.GetFullPath(args[0]);
using var core = new CoreHarness(dbPath, operatorName: "bench");
if (args.Length == 3)
{
    var clock = Stopwatch.StartNew();
    var r = core.Get<OrganisationImporter>().Import([args[1], args[2]], new OrganisationImportOptions());
    Console.Error.WriteLine($"imported {r.Rows:N0} organisations in {clock.Elapsed.TotalSeconds:F1} s");
}

using var app = Application.Create(new VirtualTimeProvider());
app.Init(DriverRegistry.Names.ANSI);
app.Driver!.SetScreenSize(120, 40);
using var shell = new ShellWindow(app, core.Services, ScreenRegistry.ForConsole());
var session = app.Begin(shell);
app.LayoutAndDraw();
shell.Open(OrganisationsScreen.ScreenId);
app.LayoutAndDraw();
var screen = (OrganisationsScreen)shell.Current;

var samples = new Dictionary<string, List<double>>();
double Time(string kind, Key key)
{
    var clock = Stopwatch.StartNew();
    app.InjectKey(key);
    app.LayoutAndDraw();
    var ms = clock.Elapsed.TotalMilliseconds;
    if (!samples.TryGetValue(kind, out var list)) samples[kind] = list = [];
    list.Add(ms);
    return ms;
}

// Warm-up: JIT and SQLite's page cache (not counted).
for (var i = 0; i < 10; i++) { app.InjectKey(Key.CursorRight); app.InjectKey(Key.CursorDown); app.LayoutAndDraw(); }
app.InjectKey(Key.Home);
app.LayoutAndDraw();

// A seeded walk over the tree: mostly moving, often expanding (reads children), sometimes collapsing and paging.
var random = new Random(20231);
for (var i = 0; i < 600; i++)
{
    var roll = random.Next(100);
    if (roll < 50) Time("↓ move", Key.CursorDown);
    else if (roll < 60) Time("↑ move", Key.CursorUp);
    else if (roll < 85) Time(screen.Selected is { CanExpand: true } ? "→ expand" : "→ (leaf)", Key.CursorRight);
    else if (roll < 92) Time("← collapse", Key.CursorLeft);
    else Time("PgDn", Key.PageDown);
}

// The widest township (most villages): found by search, revealed, expanded, then walked.
var widest = core.Get<ShuzhiKaohe.Core.Organisations.OrganisationDirectory>();
string? wideCode = null;
var wideCount = 0;
foreach (var code in new[] { "4201", "5001", "1101", "4403", "3101", "5101" })
    foreach (var county in widest.ChildrenCounted(code))
        foreach (var town in widest.ChildrenCounted(county.Organisation.Code))
            if (town.Children > wideCount) (wideCode, wideCount) = (town.Organisation.Code, town.Children);
var searchClock = Stopwatch.StartNew();
app.InjectKey(new Key('/'));
foreach (var c in wideCode!) app.InjectKey(new Key(c));
app.InjectKey(Key.Enter);
app.LayoutAndDraw();
var firstSearch = searchClock.Elapsed.TotalMilliseconds;
Time("Enter reveal hit", Key.Enter);
Time($"→ expand widest township ({wideCount} villages)", Key.CursorRight);
for (var i = 0; i < 100; i++) Time("↓ move", Key.CursorDown);
for (var i = 0; i < 10; i++) Time("PgDn", Key.PageDown);

var all = samples.Values.SelectMany(v => v).Order().ToArray();
Console.WriteLine($"key-to-repaint over {screen.LoadedOrganisations:N0} organisations read of the whole database, 120x40, ANSI driver headless");
foreach (var (kind, list) in samples.OrderBy(k => k.Key, StringComparer.Ordinal))
{
    var s = list.Order().ToArray();
    Console.WriteLine($"  {kind,-40} n={s.Length,4}  p50 {P(s, 0.50),7:F2} ms  p95 {P(s, 0.95),7:F2} ms  max {s[^1],7:F2} ms");
}
Console.WriteLine($"  {"ALL KEYS",-40} n={all.Length,4}  p50 {P(all, 0.50),7:F2} ms  p95 {P(all, 0.95),7:F2} ms  max {all[^1],7:F2} ms");
Console.WriteLine($"  first / search of the process (builds the name index): {firstSearch:F0} ms");
app.End(session!);
return 0;

static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
