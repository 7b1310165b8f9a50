using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace ShuzhiKaohe.Cli;

/// <summary>Settings that every verb shares, read from the global options before any service is built.</summary>
public sealed record GlobalSettings(string? DatabasePath, bool Json, string? Operator);

/// <summary>
/// One invocation of a verb: its parse result, its output channels and the services it may use (built on
/// first use, so <c>--help</c> and usage errors never open the database).
/// </summary>
public sealed class CliContext(ParseResult parse, GlobalSettings settings, Func<GlobalSettings, IServiceProvider> services, TextWriter output, TextWriter error)
{
    private IServiceProvider? _services;
    private readonly List<string> _warnings = [];

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public ParseResult Parse { get; } = parse;
    public GlobalSettings Settings { get; } = settings;
    public bool Json => Settings.Json;
    public TextWriter Out { get; } = output;
    public TextWriter Err { get; } = error;
    public IServiceProvider Services => _services ??= services(Settings);
    public IReadOnlyList<string> Warnings => _warnings;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
    public T? Value<T>(Option<T> option) => Parse.GetValue(option);
    public T? Value<T>(Argument<T> argument) => Parse.GetValue(argument);

    public void Warn(string warning) => _warnings.Add(warning);
    public void Warn(IEnumerable<string> warnings) => _warnings.AddRange(warnings);

    /// <summary>
    /// Writes the result: JSON (with a <c>warnings</c> array on objects) or the human text; warnings go to stderr.
    /// A payload built as a <see cref="System.Text.Json.Nodes.JsonNode"/> is written as it is, sparing a verb run at
    /// every start the serializer's cold start (~20–30 ms of CPU, issue 11).
    /// </summary>
    public int Emit(object jsonPayload, Action<TextWriter> human)
    {
        if (Json)
        {
            var node = jsonPayload as System.Text.Json.Nodes.JsonNode ?? JsonSerializer.SerializeToNode(jsonPayload, JsonOptions);
            if (node is System.Text.Json.Nodes.JsonObject obj && !obj.ContainsKey("warnings"))
                obj["warnings"] = new System.Text.Json.Nodes.JsonArray(_warnings.Select(w => (System.Text.Json.Nodes.JsonNode?)w).ToArray());
            Out.WriteLine(node!.ToJsonString(JsonOptions));
        }
        else human(Out);
        foreach (var w in _warnings) Err.WriteLine($"警告：{w}");
        return ExitCodes.Done;
    }
}

/// <summary>The exit codes admins script against.</summary>
public static class ExitCodes
{
    /// <summary>Done (warnings, if any, on stderr and in the JSON).</summary>
    public const int Done = 0;
    /// <summary>Refused: invalid input or a rule of the measures.</summary>
    public const int Refused = 1;
    /// <summary>Usage: the command line is wrong, or no terminal for the console.</summary>
    public const int Usage = 2;
    /// <summary>Not found or not permitted.</summary>
    public const int NotFound = 3;
    /// <summary>A bug: the program met a state it does not handle. One line on stderr, the details in the log.</summary>
    public const int Internal = 4;
}
