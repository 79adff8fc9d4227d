using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SolarDashboard.Tests.Notifications;

/// <summary>Keeps every log line written through it, with its category and level, for tests to read.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
