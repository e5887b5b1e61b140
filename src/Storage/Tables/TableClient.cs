using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Reintegration.Storage.Pipeline;

namespace Reintegration.Storage.Tables;

/// <summary>How a write treats properties the entity does not carry: Replace drops them, Merge keeps them.</summary>
public enum TableUpdateMode
{
    Merge,
    Replace,
}

/// <summary>
/// A thin REST client for one table (OData JSON, SharedKeyLite or Entra ID), shaped like Azure.Data.Tables.TableClient.
/// Failures throw <see cref="StorageRequestException"/>; transient ones are retried by the pipeline first.
/// </summary>
public sealed partial class TableClient
{
    private const string JsonContentType = "application/json";
    internal const string AcceptMinimalMetadata = "application/json;odata=minimalmetadata";

    private static readonly RequestMethod Merge = new("MERGE");
    private readonly StorageRestPipeline _pipeline;
    private readonly Uri _endpoint;

    public TableClient(string connectionString, string tableName, StorageClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), tableName, options)
    {
    }

    public TableClient(StorageConnection connection, string tableName, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!TableNamePattern().IsMatch(tableName ?? string.Empty))
        {
            throw new ArgumentException($"'{tableName}' is not a valid table name (3-63 letters and digits, starting with a letter).", nameof(tableName));
        }

        Name = tableName!;
        _endpoint = connection.RequireEndpoint(connection.TableEndpoint, "Table");
        _pipeline = new StorageRestPipeline(connection, options, SharedKeyScheme.SharedKeyLite);
    }

    public string Name { get; }

    /// <summary>Creates the table; an existing table is fine.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Post, "Tables");
        using var body = new MemoryStream();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("TableName", Name);
            json.WriteEndObject();
        }

        SetJsonContent(message, body.ToArray());
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 409 && StorageErrors.ErrorCodeOf(response) == "TableAlreadyExists")
        {
            return;
        }

        StorageErrors.ThrowUnless(response, $"Create table {Name}", 201, 204);
    }

    /// <summary>Deletes the table; a missing table is fine.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, $"Tables('{Name}')");
        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"Delete table {Name}", 204, 404);
    }

    /// <summary>The entity, or null when it does not exist.</summary>
    public async Task<TableEntity?> GetEntityIfExistsAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var selection = select is null ? string.Empty : "?$select=" + Uri.EscapeDataString(string.Join(',', select));
        using var message = CreateMessage(RequestMethod.Get, EntityPath(partitionKey, rowKey) + selection);
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return null;
        }

        StorageErrors.ThrowUnless(response, $"Get entity from {Name}", 200);
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var entity = TableEntityJson.Deserialize(json.RootElement);
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return entity;
    }

    /// <summary>Inserts a new entity; 409 EntityAlreadyExists when the keys are taken.</summary>
    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKeys(entity);
        using var message = CreateMessage(RequestMethod.Post, Name);
        SetJsonContent(message, TableEntityJson.Serialize(entity));
        return await SendWriteAsync(message, "Insert entity", cancellationToken);
    }

    /// <summary>Insert-or-replace (or insert-or-merge) without a condition.</summary>
    public async Task<ETag> UpsertEntityAsync(
        TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = CreateMessage(mode == TableUpdateMode.Replace ? RequestMethod.Put : Merge, EntityPath(entity));
        SetJsonContent(message, TableEntityJson.Serialize(entity));
        return await SendWriteAsync(message, mode == TableUpdateMode.Replace ? "Upsert entity" : "Upsert-merge entity", cancellationToken);
    }

    /// <summary>
    /// Replaces or merges an existing entity if its ETag still matches (<see cref="ETag.All"/> or default: any version);
    /// 412 UpdateConditionNotSatisfied when someone else wrote first, 404 ResourceNotFound when it does not exist.
    /// </summary>
    public async Task<ETag> UpdateEntityAsync(
        TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = CreateMessage(mode == TableUpdateMode.Replace ? RequestMethod.Put : Merge, EntityPath(entity));
        message.Request.Headers.SetValue("If-Match", IfMatchValue(ifMatch));
        SetJsonContent(message, TableEntityJson.Serialize(entity));
        return await SendWriteAsync(message, mode == TableUpdateMode.Replace ? "Replace entity" : "Merge entity", cancellationToken);
    }

    /// <summary>Deletes an entity if its ETag matches (default: any version); a missing entity is fine.</summary>
    public async Task DeleteEntityAsync(
        string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, EntityPath(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", IfMatchValue(ifMatch));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"Delete entity from {Name}", 204, 404);
    }

    internal static string IfMatchValue(ETag ifMatch) => ifMatch == default ? "*" : ifMatch.ToString("H");

    internal string EntityPath(TableEntity entity) => EntityPath(entity.PartitionKey, entity.RowKey);

    internal string EntityPath(string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        return $"{Name}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";
    }

    internal Uri ResourceUri(string relative) => new($"{_endpoint.AbsoluteUri.TrimEnd('/')}/{relative}");

    /// <summary>The service forbids '/', '\', '#', '?' and control characters in keys (Azurite answers 500 for '/').</summary>
    internal static void ValidateKeys(TableEntity entity)
    {
        ValidateKey(entity.PartitionKey);
        ValidateKey(entity.RowKey);
    }

    private static void ValidateKey(string key)
    {
        if (key.AsSpan().IndexOfAny("/\\#?") >= 0 || key.Any(char.IsControl))
        {
            throw new ArgumentException("PartitionKey and RowKey may not contain '/', '\\', '#', '?' or control characters.", nameof(key));
        }
    }

    private static string EscapeKey(string key)
    {
        ValidateKey(key);
        return Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
    }

    private HttpMessage CreateMessage(RequestMethod method, string relative)
    {
        var message = _pipeline.CreateMessage(method, ResourceUri(relative));
        message.Request.Headers.SetValue("Accept", AcceptMinimalMetadata);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    private static void SetJsonContent(HttpMessage message, byte[] json)
    {
        message.Request.Headers.SetValue("Content-Type", JsonContentType);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Content = RequestContent.Create(json);
    }

    private async Task<ETag> SendWriteAsync(HttpMessage message, string operation, CancellationToken cancellationToken)
    {
        var response = await _pipeline.SendAsync(message, cancellationToken);
        StorageErrors.ThrowUnless(response, $"{operation} in {Name}", 201, 204);
        return response.Headers.ETag ?? default;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();
}
