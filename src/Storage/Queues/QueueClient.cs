using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Core;
using Reintegration.Storage.Pipeline;

namespace Reintegration.Storage.Queues;

/// <summary>
/// A thin REST client for one queue (XML, SharedKey or Entra ID), shaped like Azure.Storage.Queues.QueueClient.
/// Messages are base64 UTF-8 text and, unless told otherwise, never expire (messagettl=-1).
/// </summary>
public sealed partial class QueueClient
{
    /// <summary>The longest a message may stay invisible, at put or at receive.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    public const int MaxMessagesPerReceive = 32;

    private readonly StorageRestPipeline _pipeline;
    private readonly StorageConnection _connection;
    private readonly StorageClientOptions? _options;
    private readonly Uri _queueUri;
    private QueueClient? _poison;

    public QueueClient(string connectionString, string queueName, StorageClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), queueName, options)
    {
    }

    public QueueClient(StorageConnection connection, string queueName, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!QueueNamePattern().IsMatch(queueName ?? string.Empty) || queueName!.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{queueName}' is not a valid queue name (3-63 lowercase letters, digits and single hyphens).", nameof(queueName));
        }

        Name = queueName;
        _connection = connection;
        _options = options;
        _queueUri = new Uri($"{connection.RequireEndpoint(connection.QueueEndpoint, "Queue").AbsoluteUri.TrimEnd('/')}/{queueName}");
        _pipeline = new StorageRestPipeline(connection, options, SharedKeyScheme.SharedKey);
    }

    public string Name { get; }

    public Uri Uri => _queueUri;

    /// <summary>Creates the queue; an existing queue is fine.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, _queueUri);
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 409 && StorageErrors.ErrorCodeOf(response) == "QueueAlreadyExists")
        {
            return;
        }

        StorageErrors.ThrowUnless(response, $"Create queue {Name}", 201, 204);
    }

    /// <summary>Deletes the queue and its messages; a missing queue is fine.</summary>
    public async Task DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, _queueUri);
        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"Delete queue {Name}", 204, 404);
    }

    /// <summary>
    /// Puts a message, invisible for <paramref name="visibilityTimeout"/> (0 to 7 days; a delayed message), living for
    /// <paramref name="timeToLive"/> (default: forever).
    /// </summary>
    public async Task<SendReceipt> SendMessageAsync(
        string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var query = new List<string>();
        if (visibilityTimeout is { } delay)
        {
            query.Add("visibilitytimeout=" + Seconds(delay, TimeSpan.Zero, nameof(visibilityTimeout)));
        }

        query.Add("messagettl=" + (timeToLive is { } ttl ? Seconds(ttl, TimeSpan.FromSeconds(1), nameof(timeToLive), unbounded: true) : "-1"));
        using var message = _pipeline.CreateMessage(RequestMethod.Post, MessagesUri(null, query));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(QueueMessageXml.PutBody(messageText));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"Put message on {Name}", 201);
        return QueueMessageXml.Messages(response.Content.ToString()).Select(QueueMessageXml.ToSendReceipt).Single();
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1-32) messages, hiding them for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(
        int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerReceive);
        var query = new List<string> { "numofmessages=" + maxMessages.ToString(CultureInfo.InvariantCulture) };
        if (visibilityTimeout is { } hide)
        {
            query.Add("visibilitytimeout=" + Seconds(hide, TimeSpan.FromSeconds(1), nameof(visibilityTimeout)));
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Get, MessagesUri(null, query));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"Get messages from {Name}", 200);
        return QueueMessageXml.Messages(response.Content.ToString()).Select(QueueMessageXml.ToQueueMessage).ToList();
    }

    /// <summary>How many messages the queue holds, visible or not (the service's approximate count).</summary>
    public async Task<long> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, new Uri(_queueUri.AbsoluteUri + "?comp=metadata"));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"Get metadata of {Name}", 200);
        return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count) ? long.Parse(count!, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Looks at up to 32 visible messages without receiving them.</summary>
    public async Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerReceive);
        using var message = _pipeline.CreateMessage(
            RequestMethod.Get, MessagesUri(null, ["peekonly=true", "numofmessages=" + maxMessages.ToString(CultureInfo.InvariantCulture)]));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"Peek messages on {Name}", 200);
        return QueueMessageXml.Messages(response.Content.ToString()).Select(QueueMessageXml.ToPeekedMessage).ToList();
    }

    /// <summary>Deletes a received message; 404 MessageNotFound when its pop receipt is no longer current.</summary>
    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _pipeline.CreateMessage(
            RequestMethod.Delete, MessagesUri(messageId, ["popreceipt=" + Uri.EscapeDataString(popReceipt)]));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"Delete message from {Name}", 204);
    }

    /// <summary>Hides a received message for <paramref name="visibilityTimeout"/> more (0 makes it visible now), optionally with new text.</summary>
    public async Task<UpdateReceipt> UpdateMessageAsync(
        string messageId, string popReceipt, TimeSpan visibilityTimeout, string? messageText = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _pipeline.CreateMessage(RequestMethod.Put, MessagesUri(
            messageId,
            ["popreceipt=" + Uri.EscapeDataString(popReceipt), "visibilitytimeout=" + Seconds(visibilityTimeout, TimeSpan.Zero, nameof(visibilityTimeout))]));
        if (messageText is not null)
        {
            message.Request.Headers.SetValue("Content-Type", "application/xml");
            message.Request.Content = RequestContent.Create(QueueMessageXml.PutBody(messageText));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"Update message on {Name}", 204);
        response.Headers.TryGetValue("x-ms-popreceipt", out var newReceipt);
        response.Headers.TryGetValue("x-ms-time-next-visible", out var nextVisible);
        return new UpdateReceipt(newReceipt ?? string.Empty, QueueMessageXml.ParseDate(nextVisible));
    }

    private Uri MessagesUri(string? messageId, IReadOnlyCollection<string> query)
    {
        var path = $"{_queueUri.AbsoluteUri}/messages" + (messageId is null ? string.Empty : "/" + Uri.EscapeDataString(messageId));
        return new Uri(query.Count == 0 ? path : path + "?" + string.Join('&', query));
    }

    private static string Seconds(TimeSpan value, TimeSpan minimum, string name, bool unbounded = false)
    {
        if (value < minimum || (!unbounded && value > MaxVisibilityTimeout))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Must be between {minimum} and {(unbounded ? "any length" : MaxVisibilityTimeout)}.");
        }

        return ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueNamePattern();
}
