namespace Reintegration.Storage.Queues;

/// <summary>A received message: delete it with its <see cref="PopReceipt"/> once handled, or it reappears.</summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    string MessageText,
    DateTimeOffset? InsertedOn,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset? NextVisibleOn);

/// <summary>A message looked at without receiving it (no pop receipt, no change of visibility).</summary>
public sealed record PeekedMessage(string MessageId, long DequeueCount, string MessageText);

/// <summary>What the service answers to a put: the message's id and when it becomes visible.</summary>
public sealed record SendReceipt(string MessageId, string PopReceipt, DateTimeOffset? InsertedOn, DateTimeOffset? ExpiresOn, DateTimeOffset? NextVisibleOn);

/// <summary>What the service answers to an update: the new pop receipt (the old one no longer works) and visibility.</summary>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset? NextVisibleOn);
