using System.Diagnostics;
using ConsoleBench;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Organisations.Import;
using ShuzhiKaohe.Testing;

// Key-to-repaint and memory of the console on a large database (issues 7 and 11: p95 <= 50 ms per screen,
// RSS <= 250 MB). The real shell runs headless on Terminal.Gui's ANSI driver at 120x40; each key is timed from
// injection to the end of its repaint. bench/console-bench.sh runs the three commands in order.
//
//   ConsoleBench import DB DIVISIONS.csv VILLAGES.csv.gz      the real tree, with the real importer (a new DB)
//   ConsoleBench campaigns DB [BALLOT_ORG [GRADING_ORG [SHEETS]]] the two large campaigns (default 1306 保定市, 51 四川省, 2000)
//   ConsoleBench walk DB [tree] [ballot] [grading]            the walks (all three by default), then peak RSS after each
//
// Build and walk run in separate processes, so the walk's peak RSS is the console's, not the import's.
var usage = "usage: ConsoleBench import DB DIVISIONS.csv VILLAGES.csv.gz | campaigns DB [BALLOT_ORG [GRADING_ORG [SHEETS]]] | walk DB [tree] [ballot] [grading]";
if (args.Length < 2) { Console.Error.WriteLine(usage); return 2; }
var dbPath = Path.GetFullPath(args[1]);
var clock = Stopwatch.StartNew();
switch (args[0])
{
    case "import" when args.Length == 4:
    {
        using var core = new CoreHarness(dbPath, operatorName: Environment.UserName);
        var r = core.Get<OrganisationImporter>().Import([args[2], args[3]], new OrganisationImportOptions());
        Console.Error.WriteLine($"imported {r.Rows:N0} organisations in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
    case "campaigns":
    {
        using var core = new CoreHarness(dbPath, operatorName: Environment.UserName);
        var sheets = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        var ballot = BenchCampaigns.BuildBallot(core, args.Length > 2 ? args[2] : "1306", sheets, Path.GetDirectoryName(dbPath)!);
        Console.Error.WriteLine($"ballot campaign {ballot} built in {clock.Elapsed.TotalSeconds:F1} s");
        var grading = BenchCampaigns.BuildGrading(core, args.Length > 3 ? args[3] : "51");
        Console.Error.WriteLine($"grading campaign {grading} built in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
    case "walk":
    {
        var phases = args.Length > 2 ? args[2..] : ["tree", "ballot", "grading"];
        using var console = new BenchConsole(dbPath);
        Console.WriteLine($"console open on {dbPath} ({new FileInfo(dbPath).Length / 1048576.0:F0} MB) in {clock.Elapsed.TotalSeconds:F1} s; {Memory.Line()}");
        foreach (var phase in phases)
        {
            switch (phase)
            {
                case "tree":
                    TreeWalk.Run(console, Console.Out);
                    break;
                case "ballot" when BenchCampaigns.Largest(console.Core, CampaignStage.Session) is { } b:
                    BallotWalk.Run(console, b, sheets: int.Parse(Environment.GetEnvironmentVariable("BALLOT_SHEETS") ?? "3", System.Globalization.CultureInfo.InvariantCulture), Console.Out);
                    break;
                case "grading" when BenchCampaigns.Largest(console.Core, CampaignStage.Evaluation) is { } g:
                    GradingWalk.Run(console, g, Console.Out);
                    break;
                case "ballot" or "grading":
                    Console.WriteLine($"{phase}: no campaign in the {(phase == "ballot" ? "session" : "evaluation")} stage in this database: skipped");
                    break;
                default:
                    Console.Error.WriteLine(usage);
                    return 2;
            }
        }
        return 0;
    }
    default:
        Console.Error.WriteLine(usage);
        return 2;
}
