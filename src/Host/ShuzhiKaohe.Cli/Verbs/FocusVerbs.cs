using System.CommandLine;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary>
/// <c>shuzhi focus …</c> — focus items (重点内容, 第四条). Each verb is a class implementing <see cref="IFocusVerb"/>
/// (found by reflection like the nouns), so the campaign's <c>focus list|add</c> come in their own files without
/// touching this one.
/// </summary>
internal sealed class FocusVerbs : IVerbGroup
{
    public int Order => 30;
    public string Noun => "focus";

    public Command Build(CliApp app)
    {
        var focus = new Command("focus", "重点内容（第四条）：板块目录、考核的重点内容");
        foreach (var verb in typeof(FocusVerbs).Assembly.GetTypes()
                     .Where(t => typeof(IFocusVerb).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                     .Select(t => (IFocusVerb)Activator.CreateInstance(t)!)
                     .OrderBy(v => v.Order).ThenBy(v => v.GetType().Name, StringComparer.Ordinal))
            focus.Subcommands.Add(verb.Build(app));
        return focus;
    }
}

/// <summary>One verb under <c>shuzhi focus</c>. Parameterless constructor; the body calls Core only.</summary>
internal interface IFocusVerb
{
    int Order { get; }
    Command Build(CliApp app);
}
