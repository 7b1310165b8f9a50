using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Core.Text.Tabular;

// In-process figures that a whole-process timing cannot give (run by bench/import.sh):
//   queries DB [OPERATOR]
//                  org show (Details), expanding a node (ChildrenCounted) and org find, warm, over a database
//                  that holds the whole real tree (or a generated one, bench/generate.sh: OPERATOR generator):
//                  median and 95th percentile in milliseconds.
//   readers FILE   how long reading the file alone takes (the floor of any import of it).
if (args.Length < 2) { Console.Error.WriteLine("usage: ImportBench queries DB | readers FILE"); return 2; }
switch (args[0])
{
    case "queries": Queries(args[1], args.Length > 2 ? args[2] : Environment.UserName); break;
    case "readers": Readers(args[1]); break;
    default: Console.Error.WriteLine($"unknown mode {args[0]}"); return 2;
}
return 0;

static void Queries(string path, string operatorName)
{
    // The Core services as the host wires them, acting as the OS account that created the database (its administrator):
    // the queries include their scope check, as an operator's do.
    var services = new ServiceCollection();
    services.AddLogging();
    var plugins = PluginBootstrapper.Discover(new PluginLoadOptions([Path.Combine(FindRoot(), "plugins")]));
    services.AddShuzhiCore(new AppPaths(Path.GetDirectoryName(Path.GetFullPath(path))!, AppContext.BaseDirectory), new DatabaseOptions(path), plugins,
        new OperatorContext(operatorName, FrontEnd.Test));
    using var provider = services.BuildServiceProvider();
    var directory = provider.GetRequiredService<OrganisationDirectory>();
    var search = provider.GetRequiredService<OrganisationSearch>();
    // Nodes of every level, including the biggest families (a province, a county with many townships, a township with many villages).
    string[] wanted = ["11", "42", "4201", "420102", "420102002", "420102002003", "110101", "5002", "130102", "3713"];
    var codes = wanted.Where(c => directory.Find(c) is not null).ToArray();
    if (codes.Length < wanted.Length / 2) // a part of the tree (a generated 1/10 or 1/3): nodes of every level from it
        codes = Enumerable.Range(0, 5).Aggregate(new List<string>(), (list, _) =>
        {
            var next = directory.ChildrenCounted(list.Count == 0 ? null : list[^1]).OrderByDescending(c => c.Children).FirstOrDefault();
            if (next.Organisation is not null) list.Add(next.Organisation.Code);
            return list;
        }).ToArray();
    var year = DateTime.Today.Year;
    Report("org show (Details)", 200, i => directory.Details(codes[i % codes.Length], year));
    Report("expand a node (ChildrenCounted)", 200, i => directory.ChildrenCounted(codes[i % codes.Length]));
    var widest = directory.ChildrenCounted(null).Select(p => p.Organisation.Code)
        .SelectMany(p => directory.ChildrenCounted(p)).OrderByDescending(c => c.Children).First().Organisation.Code;
    Report($"expand the widest level-2 node {widest}", 50, _ => directory.ChildrenCounted(widest));
    search.Find("武汉"); // builds the name index: the first search of a process
    string[] queries = ["武汉", "江岸", "新村", "社区", "开发", "4201", "城关"];
    Report("org find, two characters (warm)", 105, i => search.Find(queries[i % queries.Length]));
    foreach (var q in queries)
        Report($"  org find {q} ({search.Find(q).Total:N0} hits)", 21, _ => search.Find(q));
}

static string FindRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "ShuzhiKaohe.sln"))) return d.FullName;
    throw new InvalidOperationException("run from inside the repository");
}

static void Report(string what, int runs, Action<int> action)
{
    for (var i = 0; i < 20; i++) action(i); // warm: JIT, page cache
    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var clock = Stopwatch.StartNew();
        action(i);
        times[i] = clock.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    Console.WriteLine($"{what,-44} median {times[runs / 2],7:F2} ms   p95 {times[(int)(runs * 0.95)],7:F2} ms");
}

static void Readers(string file)
{
    for (var round = 0; round < 3; round++)
    {
        var clock = Stopwatch.StartNew();
        long rows = 0;
        using (var t = TabularFile.Open(file))
            while (t.Reader.Read()) rows++;
        Console.WriteLine($"read {rows:N0} records: {clock.Elapsed.TotalSeconds:F3} s");
    }
}
