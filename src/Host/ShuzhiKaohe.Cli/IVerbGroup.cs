using System.CommandLine;

namespace ShuzhiKaohe.Cli;

/// <summary>
/// One noun of the command line (<c>shuzhi NOUN VERB</c>) with its verbs. Implementations live in Verbs/, have a
/// parameterless constructor, and are found by <see cref="CliApp"/>; their bodies call Core services only.
/// </summary>
public interface IVerbGroup
{
    /// <summary>Position in <c>--help</c> (smaller first).</summary>
    int Order { get; }

    /// <summary>The noun, as typed (<c>plugin</c>): the name of the command <see cref="Build"/> returns.</summary>
    string Noun { get; }

    Command Build(CliApp app);
}
