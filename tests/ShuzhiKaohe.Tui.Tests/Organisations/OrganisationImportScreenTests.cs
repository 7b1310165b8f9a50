using ShuzhiKaohe.Testing;
using ShuzhiKaohe.Tui.Organisations;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;

namespace ShuzhiKaohe.Tui.Tests.Organisations;

/// <summary>Import from the console: F2 on the tree, a path, Enter; the import runs off the UI thread.</summary>
public sealed class OrganisationImportScreenTests : IDisposable
{
    private readonly TempDir _dir = new("orgimport");

    [Fact]
    public void Importing_a_small_file_shows_the_summary_and_the_tree_shows_it_on_return()
    {
        using var o = new OrganisationConsole();
        var file = _dir.File("hunan.csv");
        File.WriteAllText(file, "code,name,parent_code,level\n43,湖南省,,1\n4301,长沙市,43,2\n");
        var before = o.OrganisationRows();

        var screen = OpenImport(o);
        o.Console.Type(file);
        o.Press(Key.Enter);
        o.PumpUntil(() => Finished(screen));

        Assert.Equal("✓ 已导入 2 行", screen.Status);
        Assert.Contains("新增 2，更新 0，未变 0，恢复 0，撤销 0", screen.ResultLines);
        var text = o.Text;
        Assert.Contains("✓ 已导入 2 行", text);
        Assert.Contains("hunan.csv：csv", text);
        Assert.Equal(before + 2, o.OrganisationRows());

        o.Press(Key.Esc);

        Assert.IsType<OrganisationsScreen>(o.Console.Shell.Current);
        Assert.Contains("43 湖南省", o.Text);
    }

    [Fact]
    public void A_bad_file_lists_its_rejected_lines_and_writes_nothing()
    {
        using var o = new OrganisationConsole();
        var file = _dir.File("bad.csv");
        File.WriteAllText(file, """
            code,name,parent_code,level
            43,湖南省,,1
            4301,长沙市,43,2
            4301,长沙市重复,43,2
            4399,无上级市,9999,2
            4302,,43,2

            """.ReplaceLineEndings("\n"));
        var before = o.OrganisationRows();

        var screen = OpenImport(o);
        o.Console.Type(file);
        o.Press(Key.Enter);
        o.PumpUntil(() => Finished(screen));

        Assert.StartsWith("✗ 导入被拒绝，数据库未改动", screen.Status);
        Assert.Contains(screen.ResultLines, l => l.StartsWith("第 4 行", StringComparison.Ordinal));
        Assert.Contains(screen.ResultLines, l => l.StartsWith("第 5 行", StringComparison.Ordinal));
        Assert.Contains(screen.ResultLines, l => l.StartsWith("第 6 行", StringComparison.Ordinal));
        Assert.Contains("第 4 行", o.Text);
        Assert.Contains("parent_code", o.Text);
        File.WriteAllText("/tmp/h7-bad.txt", o.Text);
        Assert.Equal(before, o.OrganisationRows());
        RenderTests.AssertFramed(o.Console.Rows, 80, 24);
    }

    [Fact]
    public void Rejected_lines_scroll_in_the_list_at_80x24()
    {
        using var o = new OrganisationConsole();
        var file = _dir.File("many.csv");
        File.WriteAllLines(file, ["code,name,parent_code,level", .. Enumerable.Range(1, 30).Select(i => $"99{i:D2},某市{i},9999,2")]);

        var screen = OpenImport(o);
        o.Console.Type(file);
        o.Press(Key.Enter);
        o.PumpUntil(() => Finished(screen));
        Assert.Equal(30, screen.ResultLines.Count);
        Assert.DoesNotContain("第 31 行", o.Text);

        o.Press(Enumerable.Repeat(Key.CursorDown, 29).ToArray());

        Assert.Contains("第 31 行", o.Text);
    }

    [Fact]
    public void Dry_run_checks_the_file_and_writes_nothing()
    {
        using var o = new OrganisationConsole();
        var file = _dir.File("hunan.csv");
        File.WriteAllText(file, "code,name,parent_code,level\n43,湖南省,,1\n");
        var before = o.OrganisationRows();

        var screen = OpenImport(o);
        screen.Fill(file, dryRun: true);
        o.Press(Key.Enter);
        o.PumpUntil(() => Finished(screen));

        Assert.Equal("✓ 校验通过（只校验，未写入）：1 行", screen.Status);
        Assert.Equal(before, o.OrganisationRows());
    }

    [Fact]
    public void The_whole_real_tree_imports_from_the_console_in_one_go_and_the_tree_shows_it()
    {
        using var o = new OrganisationConsole(seed: false);
        var divisions = Path.Combine(RepoPaths.SharedData, "divisions-2023.csv");
        var villages = Path.Combine(RepoPaths.SharedData, "villages-2023.csv.gz");

        var screen = OpenImport(o);
        o.Console.Type($"{divisions};{villages}");
        o.Press(Key.Enter);
        o.PumpUntil(() => Finished(screen), TimeSpan.FromMinutes(2));

        Assert.Equal("✓ 已导入 665,276 行", screen.Status);
        Assert.Contains("各层级：1 级 31，2 级 342，3 级 2,978，4 级 41,352，5 级 620,573", screen.ResultLines);
        Assert.Equal(665_276, o.OrganisationRows());
        o.Press(Key.Esc);
        Assert.Contains("11 北京市", o.Text);
        Assert.Contains("42 湖北省", o.Text);
    }

    [Fact]
    public void A_missing_file_is_refused_on_the_message_line_before_anything_runs()
    {
        using var o = new OrganisationConsole();
        var screen = OpenImport(o);
        o.Console.Type(_dir.File("nowhere.csv"));

        o.Press(Key.Enter);

        Assert.False(screen.IsRunning);
        Assert.Contains("✗ 找不到文件：", o.Text);
    }

    [Fact]
    public void Question_mark_and_colon_typed_in_the_path_field_are_text()
    {
        using var o = new OrganisationConsole();
        OpenImport(o);

        o.Console.Type("a?b:c");

        Assert.Same(o.Console.Shell, o.Console.App.TopRunnableView);
        Assert.Contains("a?b:c", o.Text);
    }

    [Fact]
    public void Help_lists_every_key_the_import_screen_declares()
    {
        using var o = new OrganisationConsole();
        var screen = OpenImport(o);
        // Out of the text fields (where ? is text) onto the check box.
        o.Press(Key.Tab, Key.Tab);
        var declared = screen.Keys.Entries.Concat(o.Console.Shell.ShellKeys.Entries).ToList();

        var help = o.Console.InDialog(new Key('?'), Key.Esc);

        Assert.Contains("帮助 — 导入党组织", help);
        foreach (var key in declared)
            Assert.Contains(TextWidth.PadRight(key.Label, 14) + key.Action, help);
    }

    private static OrganisationImportScreen OpenImport(OrganisationConsole o)
    {
        o.Press(Key.F2);
        return Assert.IsType<OrganisationImportScreen>(o.Console.Shell.Current);
    }

    private static bool Finished(OrganisationImportScreen screen) =>
        !screen.IsRunning && (screen.Status.StartsWith('✓') || screen.Status.StartsWith('✗'));

    public void Dispose() => _dir.Dispose();
}
