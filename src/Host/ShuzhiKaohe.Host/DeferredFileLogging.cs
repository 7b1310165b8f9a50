using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace ShuzhiKaohe.Host;

/// <summary>
/// The daily log file, opened on the first message worth writing (Information and above) rather than at start:
/// most verbs log nothing, and a headless verb should not pay for opening a log it never writes (issue 11's
/// cold start). Disposing flushes the file if it was opened.
/// </summary>
internal sealed class DeferredFileLoggerProvider(Func<Serilog.ILogger?> open) : ILoggerProvider
{
    public const LogLevel Minimum = LogLevel.Information;
    private readonly Lazy<SerilogLoggerProvider?> _provider = new(() => open() is { } l ? new SerilogLoggerProvider(l, dispose: true) : null);

    public ILogger CreateLogger(string categoryName) => new Deferred(this, categoryName);

    public void Dispose()
    {
        if (_provider.IsValueCreated) _provider.Value?.Dispose();
    }

    private sealed class Deferred(DeferredFileLoggerProvider owner, string category) : ILogger
    {
        private ILogger? _inner;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= Minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            _inner ??= owner._provider.Value?.CreateLogger(category);
            _inner?.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
