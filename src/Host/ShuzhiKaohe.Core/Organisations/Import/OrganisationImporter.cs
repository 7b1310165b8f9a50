using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Core.Text;
using ShuzhiKaohe.Core.Text.Import;
using ShuzhiKaohe.Core.Text.Tabular;

namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>
/// Imports organisations (第三条's tree) from CSV, TSV or XLSX files, plain or gzip, in UTF-8 or GB18030: every
/// field checked and repaired, the whole tree validated in memory against the files and the database, and then
/// all of it written in one transaction — or nothing at all when any row is rejected (SPEC "Text import").
/// A re-import updates names and moves, reactivates organisations listed again, and dissolves the missing ones
/// only when asked; nothing is ever deleted, so no campaign loses its history.
/// </summary>
public sealed class OrganisationImporter(Database database, SectorRegistry sectors, OperatorContext who,
    Security.Authorizer authorizer, Audit.AuditTrail audit)
{
    public OrganisationImportResult Import(IReadOnlyList<string> files, OrganisationImportOptions options, IProgress<ImportProgress>? progress = null)
    {
        if (files.Count == 0) throw new InvalidInputException("没有要导入的文件");
        // A bulk import rewrites the tree everyone's scopes hang on: whole-tree administrators only.
        authorizer.Require(Security.Permission.BulkImport);
        var clock = Stopwatch.StartNew();
        var defaultSector = options.Sector ?? SectorKeys.Localities;
        if (!sectors.Contains(defaultSector))
            throw new InvalidInputException($"板块 {defaultSector} 没有已加载的插件提供（已加载：{string.Join(", ", sectors.Keys.Order(StringComparer.Ordinal))}）");
        var shapes = new SectorShapes(sectors);

        var rows = new ImportedRows(EstimateRows(files));
        var phases = new Dictionary<string, double>();
        List<ImportedFile> opened;
        using var c = database.Open();
        var plan = default(ImportPlan);
        // The tree is validated in memory against the database as read inside this write transaction, so SQLite's
        // row-by-row foreign key check would only repeat it: it is off for this connection during the import (the
        // setting can only change outside a transaction) and back on before the connection returns to the pool.
        SetForeignKeys(c, on: options.DryRun);
        try
        {
            using var tx = c.BeginTransaction(deferred: options.DryRun);
            var existing = ExistingOrganisations.Load(c, tx);
            var streamed = existing is null && !options.DryRun;
            ExceptionDispatchInfo? writeFailure = null;
            if (streamed)
            {
                // Into an empty table every valid row is an insert known as soon as it is read: the rows are written
                // while the next ones are read (two cores), in this transaction — a rejected file rolls it all back.
                opened = ReadWhileWriting(c, tx, files, options.Encoding, defaultSector, shapes, rows, progress, out writeFailure);
                Lap(phases, "read_write", clock);
            }
            else
            {
                opened = ReadFiles(files, options.Encoding, defaultSector, shapes, rows, progress);
                Lap(phases, "read", clock);
            }
            progress?.Report(new ImportProgress("校验", 0, rows.Count));
            plan = new OrganisationImportValidator(rows, existing, shapes).Validate(c, tx, options.DissolveMissing);
            rows.Issues.ThrowIfAny();
            writeFailure?.Throw();
            Lap(phases, "validate", clock);
            if (streamed) OrganisationImportWriter.CreateParentIndex(c, tx);
            else if (!options.DryRun)
                OrganisationImportWriter.Write(c, tx, rows, plan, options.AsOf ?? DateOnly.FromDateTime(DateTime.Today), progress);
            if (!options.DryRun)
            {
                var journaled = Result(rows, opened, plan, options, clock, phases);
                Journal(c, tx, journaled);
                // One audit entry per import, not per row (665k rows); see docs/security.md.
                audit.Note(c, tx, "import", "organisation", string.Join(",", rows.Files), null,
                    $"导入组织 {rows.Count} 行：新增 {journaled.Inserted}，更新 {journaled.Updated}，撤销 {journaled.Dissolved}");
                Lap(phases, "write", clock);
                tx.Commit();
                Lap(phases, "commit", clock);
            }
        }
        finally
        {
            if (!options.DryRun) SetForeignKeys(c, on: true);
        }
        return Result(rows, opened, plan!, options, clock, phases);
    }

    /// <summary>Reads every file into <paramref name="rows"/>, in order.</summary>
    private static List<ImportedFile> ReadFiles(IReadOnlyList<string> files, EncodingChoice encoding, string defaultSector, SectorShapes shapes,
        ImportedRows rows, IProgress<ImportProgress>? progress)
    {
        var opened = new List<ImportedFile>();
        foreach (var path in files)
        {
            rows.Files.Add(Path.GetFileName(path));
            using var table = TabularFile.Open(path, encoding);
            var read = OrganisationFileParser.Read(table, (short)(rows.Files.Count - 1), defaultSector, shapes, rows, progress);
            opened.Add(new ImportedFile(path, table.Format, table.Encoding, table.Compressed, read));
        }
        return opened;
    }

    /// <summary>
    /// Reads the files on another thread while this one inserts each row as soon as it is published. Writing stops at
    /// the first rejected row (the import will be refused and rolled back anyway); a SQLite failure is kept and thrown
    /// only after validation, whose line-numbered reasons explain a bad file better. Progress is reported from this
    /// thread, as on the other path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<ImportedFile> ReadWhileWriting(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<string> files, EncodingChoice encoding,
        string defaultSector, SectorShapes shapes, ImportedRows rows, IProgress<ImportProgress>? progress, out ExceptionDispatchInfo? writeFailure)
    {
        OrganisationImportWriter.DropParentIndex(c, tx);
        var reading = new LatestProgress();
        var reader = Task.Factory.StartNew(() => ReadFiles(files, encoding, defaultSector, shapes, rows, reading),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        writeFailure = null;
        using var writer = new OrganisationImportWriter(c, rows);
        var written = 0;
        var stopped = false;
        var spin = new SpinWait();
        while (true)
        {
            var finished = reader.IsCompleted; // read before Published: after completion every row is published
            var ready = rows.Published;
            if (ready == written)
            {
                if (finished) break;
                spin.SpinOnce();
                continue;
            }
            spin = new SpinWait();
            for (; written < ready && !stopped; written++)
            {
                if (rows[written].Level < 0 || rows.Issues.Any) { stopped = true; break; }
                try { writer.Insert(written); }
                catch (SqliteException e) { writeFailure = ExceptionDispatchInfo.Capture(e); stopped = true; }
                if ((written & 0x3FFF) == 0 && reading.Latest is { } p) progress?.Report(p);
            }
            written = ready;
        }
        var opened = reader.GetAwaiter().GetResult(); // a file that cannot be read at all throws here
        if (!stopped)
        {
            try { writer.Flush(); }
            catch (SqliteException e) { writeFailure = ExceptionDispatchInfo.Capture(e); }
        }
        if (reading.Latest is { } last) progress?.Report(last);
        return opened;
    }

    /// <summary>Keeps the reading thread's latest progress for the writing thread to report.</summary>
    private sealed class LatestProgress : IProgress<ImportProgress>
    {
        private StrongBox<ImportProgress>? _latest;
        public ImportProgress? Latest => Volatile.Read(ref _latest)?.Value;
        public void Report(ImportProgress value) => Volatile.Write(ref _latest, new StrongBox<ImportProgress>(value));
    }

    private static void Lap(Dictionary<string, double> phases, string phase, Stopwatch clock) =>
        phases[phase] = clock.Elapsed.TotalSeconds - phases.Values.Sum();

    /// <summary>Room for the rows up front (about 45 bytes a row, 7 gzipped), so nothing is copied while reading.</summary>
    private static int EstimateRows(IReadOnlyList<string> files)
    {
        long rows = 0;
        foreach (var f in files)
            if (File.Exists(f)) rows += new FileInfo(f).Length / (f.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? 7 : 40);
        return (int)Math.Clamp(rows, 1 << 10, 1 << 24);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static OrganisationImportResult Result(ImportedRows rows, List<ImportedFile> files, ImportPlan plan, OrganisationImportOptions options, Stopwatch clock,
        IReadOnlyDictionary<string, double> phases)
    {
        var perLevel = new SortedDictionary<int, int>();
        var groupings = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            perLevel[rows[i].Level] = perLevel.GetValueOrDefault(rows[i].Level) + 1;
            if (rows.IsGrouping(i)) groupings++;
        }
        return new OrganisationImportResult(files, rows.Count, plan.Count(RowAction.Insert), plan.Count(RowAction.Update),
            plan.Count(RowAction.Unchanged), plan.Count(RowAction.Reactivate), plan.ToDissolve.Count, groupings, rows.RepairedFields,
            perLevel, options.DryRun, clock.Elapsed.TotalSeconds, phases.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 3)));
    }

    private void Journal(SqliteConnection c, SqliteTransaction tx, OrganisationImportResult r)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO organisation_import(imported_at, operator, files, rows, inserted, updated, reactivated, dissolved, repaired_fields)
            VALUES ($at, $operator, $files, $rows, $inserted, $updated, $reactivated, $dissolved, $repaired);
            INSERT INTO app_setting(key, value) VALUES ('organisations.revision', '1')
                ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
            """;
        cmd.Parameters.AddWithValue("$at", DateTimeOffset.Now.ToString("O"));
        cmd.Parameters.AddWithValue("$operator", who.Name);
        cmd.Parameters.AddWithValue("$files", string.Join("\n", r.Files.Select(f => Path.GetFileName(f.Path))));
        cmd.Parameters.AddWithValue("$rows", r.Rows);
        cmd.Parameters.AddWithValue("$inserted", r.Inserted);
        cmd.Parameters.AddWithValue("$updated", r.Updated);
        cmd.Parameters.AddWithValue("$reactivated", r.Reactivated);
        cmd.Parameters.AddWithValue("$dissolved", r.Dissolved);
        cmd.Parameters.AddWithValue("$repaired", r.RepairedFields);
        cmd.ExecuteNonQuery();
    }

    private static void SetForeignKeys(SqliteConnection c, bool on)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF";
        cmd.ExecuteNonQuery();
    }
}
