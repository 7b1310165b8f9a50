using System.Reflection;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>The screens the console can open, in palette order. Built once per console; nothing static.</summary>
public sealed class ScreenRegistry
{
    public const string HomeId = "home";

    private readonly Dictionary<string, ScreenEntry> _byId;

    public ScreenRegistry(IEnumerable<ScreenEntry> entries)
    {
        Entries = entries.OrderBy(e => e.Order).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        _byId = new Dictionary<string, ScreenEntry>(StringComparer.Ordinal);
        foreach (var e in Entries)
            if (!_byId.TryAdd(e.Id, e))
                throw new InvalidOperationException($"screen id '{e.Id}' is registered twice");
        if (!_byId.ContainsKey(HomeId))
            throw new InvalidOperationException($"no screen registered with id '{HomeId}'");
    }

    public IReadOnlyList<ScreenEntry> Entries { get; }

    public ScreenEntry Get(string id) =>
        _byId.TryGetValue(id, out var e) ? e : throw new KeyNotFoundException($"no screen registered with id '{id}'");

    /// <summary>Every <see cref="IScreenRegistration"/> in <paramref name="assembly"/>.</summary>
    public static IEnumerable<ScreenEntry> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => typeof(IScreenRegistration).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => ((IScreenRegistration)Activator.CreateInstance(t)!).Entry);

    /// <summary>The console's own screens.</summary>
    public static ScreenRegistry ForConsole() => new(Discover(typeof(ScreenRegistry).Assembly));
}
