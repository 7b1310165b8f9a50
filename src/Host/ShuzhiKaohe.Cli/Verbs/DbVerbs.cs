using System.CommandLine;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi db init|check|backup</c>.</summary>
internal sealed class DbVerbs : IVerbGroup
{
    public int Order => 90;
    public string Noun => "db";

    public Command Build(CliApp app)
    {
        var db = new Command("db", "数据库：创建、检查、备份、恢复");

        var init = new Command("init", "创建数据库并应用全部迁移（任何命令首次使用时也会自动执行）");
        init.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<DatabaseAdmin>().Init();
            return ctx.Emit(new { path = r.Path, schema_version = r.SchemaVersion, applied = r.Applied, backup = r.BackupPath },
                o =>
                {
                    o.WriteLine($"数据库：{r.Path}");
                    o.WriteLine($"结构版本：{r.SchemaVersion}");
                    o.WriteLine(r.Applied.Count == 0 ? "无待应用的迁移。" : $"已应用迁移：{string.Join(", ", r.Applied)}");
                    if (r.BackupPath is not null) o.WriteLine($"升级前副本：{r.BackupPath}");
                });
        }));
        db.Subcommands.Add(init);

        var check = new Command("check", "检查数据库：结构版本与 PRAGMA integrity_check");
        check.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<DatabaseAdmin>().Check();
            var code = ctx.Emit(new
            {
                path = r.Path, schema_version = r.SchemaVersion, code_schema_version = r.CodeSchemaVersion,
                integrity = r.IntegrityOk ? "ok" : "damaged", integrity_messages = r.IntegrityMessages,
                journal_mode = r.JournalMode, size_bytes = r.SizeBytes,
            }, o =>
            {
                o.WriteLine($"数据库：{r.Path}（{r.SizeBytes:N0} 字节，{r.JournalMode}）");
                o.WriteLine($"结构版本：{r.SchemaVersion}（程序：{r.CodeSchemaVersion}）");
                o.WriteLine(r.IntegrityOk ? "完整性检查：ok" : "完整性检查发现问题：\n  " + string.Join("\n  ", r.IntegrityMessages));
            });
            if (!r.IntegrityOk) ctx.Err.WriteLine("数据库完整性检查未通过：请从备份恢复（见 docs/operations.md）。");
            return r.IntegrityOk ? code : ExitCodes.Refused;
        }));
        db.Subcommands.Add(check);

        var file = new Argument<string>("FILE") { Description = "备份文件路径（不得已存在）" };
        var backup = new Command("backup", "在线备份（SQLite backup API，其他操作员写入时也一致）") { file };
        backup.SetAction(pr => app.Run(pr, ctx =>
        {
            var path = ctx.Get<DatabaseAdmin>().BackupTo(ctx.Value(file)!);
            return ctx.Emit(new { backup = path }, o => o.WriteLine($"已备份到 {path}"));
        }));
        db.Subcommands.Add(backup);

        var from = new Argument<string>("FILE") { Description = "要恢复的备份文件" };
        var restore = new Command("restore", "检查备份（完整性、结构版本、审计链）后恢复；原数据库保留在旁") { from };
        restore.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<DatabaseRestore>().RestoreFrom(ctx.Value(from)!);
            return ctx.Emit(new { restored_from = r.RestoredFrom, database = r.Database, kept_old_as = r.KeptOldAs, schema_version = r.SchemaVersion },
                o => o.WriteLine($"已从 {r.RestoredFrom} 恢复 {r.Database}；原数据库保留为 {r.KeptOldAs}"));
        }));
        db.Subcommands.Add(restore);
        return db;
    }
}
