using System.Collections;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// Wraps the app's logger factory so that no log line or scope carries a whole link token, whoever writes it:
/// ASP.NET Core's "Request starting … /links/eyJ…", its RequestPath scope, or our own code. Values and the
/// formatted message are redacted before any provider sees them (<see cref="LinkTokenRedaction"/>).
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Replaces the registered logger factory; providers added later (tests, hosts) are wrapped too.</summary>
    public static void Register(IServiceCollection services)
    {
        services.RemoveAll<ILoggerFactory>();
        services.AddSingleton<ILoggerFactory>(sp =>
            new RedactingLoggerFactory(ActivatorUtilities.CreateInstance<LoggerFactory>(sp)));
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull =>
            Redacted(state, null) is { } redacted ? inner.BeginScope(redacted) : inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            if (Redacted(state, () => formatter(state, exception)) is { } redacted)
            {
                inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.ToString());
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }

        /// <summary>A redacted copy of the state, or null when it holds no token.</summary>
        private static RedactedState? Redacted<TState>(TState state, Func<string>? format)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs)
            {
                // The message is made of these values and a constant template: checking the values is enough.
                if (!pairs.Any(p => p.Key != "{OriginalFormat}" && LinkTokenRedaction.MayHoldToken(Text(p.Value))))
                {
                    return null;
                }

                var message = format?.Invoke() ?? state.ToString() ?? string.Empty;
                return new RedactedState(
                    [.. pairs.Select(p => p.Key != "{OriginalFormat}" && LinkTokenRedaction.MayHoldToken(Text(p.Value))
                        ? new KeyValuePair<string, object?>(p.Key, LinkTokenRedaction.Redact(Text(p.Value)!))
                        : p)],
                    LinkTokenRedaction.Redact(message));
            }

            var text = format?.Invoke() ?? state?.ToString();
            return LinkTokenRedaction.MayHoldToken(text)
                ? new RedactedState([], LinkTokenRedaction.Redact(text!))
                : null;
        }

        private static string? Text(object? value) => value switch
        {
            null => null,
            string s => s,
            IEnumerable and not IFormattable => string.Join(",", ((IEnumerable)value).Cast<object?>()),
            _ => value.ToString(),
        };
    }

    private sealed class RedactedState(IReadOnlyList<KeyValuePair<string, object?>> pairs, string message)
        : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => pairs.Count;

        public KeyValuePair<string, object?> this[int index] => pairs[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => pairs.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }
}
