using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Organisations.Import;
using ShuzhiKaohe.Core.Organisations.Secretaries;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Bench.Generator;

/// <param name="DivisionFiles">The real division files (../shared/data/divisions-2023.csv and villages-2023.csv.gz).</param>
/// <param name="Scale">The share of the real tree to take: 1, 0.33, 0.1 … (whole provinces chosen by the seed).</param>
/// <param name="Year">The assessed year; sessions are held in January of the next year.</param>
/// <param name="OnlyUnder">Level-2 codes to take instead of a share (tests).</param>
public sealed record GeneratorOptions(IReadOnlyList<string> DivisionFiles, long Seed = 1, double Scale = 1, int Year = 2025,
    IReadOnlyList<string>? OnlyUnder = null);

public sealed record GeneratorSummary(long Seed, double Scale, int Year, int Organisations, int SyntheticOrganisations, int Secretaries,
    int MidYearChanges, CampaignTotals Campaigns, IReadOnlyDictionary<string, double> Phases, double Seconds);

/// <summary>
/// Builds a national-scale database deterministically from a seed (issue 11): the real division tree (or the part a
/// scale takes), synthetic organisations of the other sectors attached to it (<see cref="SyntheticSectors"/>), a
/// secretary for every organisation that reports or organises (a few changed mid-year), and a year of campaigns —
/// every superior assessing its direct subordinates — each taken through inspection, session, ballots, evaluation,
/// approval and rectification (<see cref="CampaignCycle"/>). Everything is written through Core's services, as an
/// operator would through the CLI, so every rule holds and <c>audit verify</c> passes.
/// </summary>
public sealed class NationalGenerator(IServiceProvider services, IProgress<string>? progress = null)
{
    public GeneratorSummary Generate(GeneratorOptions options)
    {
        if (options.Scale is <= 0 or > 1 || double.IsNaN(options.Scale))
            throw new ArgumentOutOfRangeException(nameof(options), $"规模须在 0 与 1 之间（如 1、0.33、0.1），收到 {options.Scale}");
        if (options.Year < 2019) throw new ArgumentOutOfRangeException(nameof(options), $"第十条：本办法自2019年12月30日起施行，年度须不早于 2019，收到 {options.Year}");
        var clock = Stopwatch.StartNew();
        var phases = new Dictionary<string, double>();
        void Lap(string phase)
        {
            phases[phase] = Math.Round(clock.Elapsed.TotalSeconds - phases.Values.Sum(), 2);
            progress?.Report($"{phase}：{phases[phase]:0.0} s");
        }
        var temp = Directory.CreateTempSubdirectory("shuzhi-generate-");
        try
        {
            var whole = DivisionTree.Read(options.DivisionFiles);
            var tree = whole.Subset(options.Scale, options.Seed, options.OnlyUnder);
            progress?.Report($"区划：取 {tree.Rows.Count:N0} / {whole.Rows.Count:N0} 行（规模 {options.Scale}，种子 {options.Seed}）");
            var treeFile = Path.Combine(temp.FullName, "divisions.csv");
            tree.Write(treeFile);
            var synthetic = SyntheticSectors.Build(tree.Rows.Where(r => r.Level == 1).ToList(), tree.ProvinceShares(whole), options.Scale, options.Seed);
            var sectorFile = Path.Combine(temp.FullName, "sectors.csv");
            File.WriteAllText(sectorFile, SyntheticSectors.Csv(synthetic), new UTF8Encoding(false));
            var importer = Get<OrganisationImporter>();
            var organisations = importer.Import([treeFile], new OrganisationImportOptions(Sector: SectorKeys.Localities)).Inserted;
            organisations += importer.Import([sectorFile], new OrganisationImportOptions()).Inserted;
            Lap("organisations");

            var snapshot = OrganisationSnapshot.Load(Get<Database>(), Get<SectorRegistry>());
            var (secretaryFile, secretaries, changes) = WriteSecretaries(snapshot, options, temp.FullName);
            Get<SecretaryImporter>().Import(secretaryFile, new SecretaryImportOptions());
            Lap("secretaries");

            var cycle = new CampaignCycle(services, options.Seed, options.Year, temp.FullName, snapshot);
            var organisers = snapshot.Organisers();
            progress?.Report($"考核：{organisers.Count:N0} 个组织者");
            var totals = new CampaignTotals();
            var started = Stopwatch.StartNew();
            for (var i = 0; i < organisers.Count; i++)
            {
                cycle.Run(organisers[i], totals);
                if ((i + 1) % 100 == 0 || i + 1 == organisers.Count)
                    progress?.Report($"考核 {i + 1:N0}/{organisers.Count:N0}：测评票 {totals.Sheets:N0} 张，评价 {totals.Marks:N0} 条，{started.Elapsed.TotalSeconds:0} s");
            }
            Lap("campaigns");
            progress?.Report("各步骤用时：" + string.Join("，", totals.Steps.Select(kv => $"{kv.Key} {kv.Value:0.0} s")));
            return new GeneratorSummary(options.Seed, options.Scale, options.Year, organisations, synthetic.Count, secretaries, changes, totals, phases,
                Math.Round(clock.Elapsed.TotalSeconds, 2));
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A secretary for every organisation except villages and groupings (第三条: whoever holds the post). About one in
    /// fifty changed in the assessed year: the predecessor's term ends on the day the successor's begins.
    /// </summary>
    private static (string File, int Rows, int Changes) WriteSecretaries(OrganisationSnapshot snapshot, GeneratorOptions options, string folder)
    {
        var path = Path.Combine(folder, "secretaries.csv");
        var rows = 0;
        var changes = 0;
        var year = options.Year;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("org_code,name,start_on,end_on,external_key\n");
        foreach (var o in snapshot.All)
        {
            if (o.IsGrouping || (o.Sector == SectorKeys.Localities && o.Level == 5)) continue;
            var rng = Rng.For(options.Seed, "secretary:" + o.Code);
            var start = new DateOnly(year - rng.Between(1, 8), rng.Between(1, 12), rng.Between(1, 28));
            if (rng.Chance(0.02))
            {
                var change = new DateOnly(year, rng.Between(3, 9), rng.Between(1, 28));
                w.Write(Row(o.Code, Names.Person(rng), start, change, 1));
                w.Write(Row(o.Code, Names.Person(rng), change, null, 2));
                rows += 2;
                changes++;
            }
            else
            {
                w.Write(Row(o.Code, Names.Person(rng), start, null, 1));
                rows++;
            }
        }
        return (path, rows, changes);

        static string Row(string org, string name, DateOnly start, DateOnly? end, int n) =>
            string.Create(CultureInfo.InvariantCulture, $"{org},{name},{start:yyyy-MM-dd},{end:yyyy-MM-dd},S-{org}-{n}\n");
    }

    private T Get<T>() where T : notnull => services.GetRequiredService<T>();
}
