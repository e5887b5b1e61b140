using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

/// <summary>
/// Counts the Durable Task provider's log events by id (118: a message received out of order and put back with a
/// delay; 139: events discarded), so a run can say how often the provider made a message wait.
/// </summary>
public sealed class ProviderEvents : ILoggerProvider
{
    private readonly ConcurrentDictionary<int, int> counts = new();

    public ILoggerFactory Factory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Warning).AddProvider(this));

    public int Count(int eventId) => counts.GetValueOrDefault(eventId);

    public void Reset() => counts.Clear();

    public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName.StartsWith("DurableTask", StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Counter(ProviderEvents owner, bool counted) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => counted && logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (counted)
            {
                owner.counts.AddOrUpdate(eventId.Id, 1, (_, n) => n + 1);
            }
        }
    }
}
