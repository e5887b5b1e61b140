using Azure.Identity;
using Microsoft.AspNetCore.DataProtection;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Functions.Outbox;
using Reintegration.Storage;
using Reintegration.Storage.Cases;
using Reintegration.Storage.Documents;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// Storage by configuration. <c>Storage:Mode</c> = <c>Azure</c> (default): Tables and Blobs through
/// <c>Storage:ConnectionString</c> (Azurite locally) or <c>Storage:AccountName</c> with the app's managed identity.
/// <c>InMemory</c>: everything in memory, for fast tests.
/// </summary>
public static class StorageSetup
{
    public static void AddCaseStorage(this IServiceCollection services, IConfiguration config)
    {
        var mode = config["Storage:Mode"] ?? "Azure";
        if (string.Equals(mode, "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<InMemoryReadModel>();
            services.AddSingleton<ICaseReadModel>(sp => sp.GetRequiredService<InMemoryReadModel>());
            services.AddSingleton<ICaseIndex, InMemoryCaseIndex>();
            services.AddSingleton<IDevOutbox, InMemoryDevOutbox>();
            services.AddSingleton<Security.IAuditTrail, Security.InMemoryAuditTrail>();
            services.AddSingleton<Email.IEmailSendLog, Email.InMemoryEmailSendLog>();
            services.AddSingleton<IStorageInitializer, NothingToInitialize>();
            services.AddSingleton<ICaseDocuments, NoDocuments>();
            return;
        }

        if (!string.Equals(mode, "Azure", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Mode must be Azure or InMemory, not '{mode}'.");
        }

        var prefix = config["Storage:Prefix"] ?? string.Empty;
        services.AddSingleton(_ => Connect(config));
        services.AddSingleton(sp => new TableReadModel(sp.GetRequiredService<StorageAccount>().Table(prefix + "cases")));
        services.AddSingleton<ICaseReadModel>(sp => sp.GetRequiredService<TableReadModel>());
        services.AddSingleton(sp => new TableCaseIndex(sp.GetRequiredService<StorageAccount>().Table(prefix + "caseindex")));
        services.AddSingleton<ICaseIndex>(sp => sp.GetRequiredService<TableCaseIndex>());
        services.AddSingleton<IDevOutbox>(sp => new BlobDevOutbox(
            sp.GetRequiredService<StorageAccount>().Container(prefix + "devoutbox"), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DocumentVault(
            sp.GetRequiredService<StorageAccount>().Container(prefix + "documents"),
            Functions.Pages.DocumentKey.From(config, sp.GetRequiredService<IHostEnvironment>())));
        services.AddSingleton<ICaseDocuments>(sp => sp.GetRequiredService<DocumentVault>());
        services.AddSingleton(sp => new Security.TableAuditTrail(sp.GetRequiredService<StorageAccount>().Table(prefix + "audit")));
        services.AddSingleton<Security.IAuditTrail>(sp => sp.GetRequiredService<Security.TableAuditTrail>());
        // Which e-mail effects SendGrid accepted (ids only): SendGrid takes no idempotency key.
        services.AddSingleton(sp =>
            new Email.TableEmailSendLog(sp.GetRequiredService<StorageAccount>().Table(prefix + "emailsends")));
        services.AddSingleton<Email.IEmailSendLog>(sp => sp.GetRequiredService<Email.TableEmailSendLog>());
        services.AddSingleton<IStorageInitializer, AzureStorageInitializer>();

        // Sign-in sessions and antiforgery tokens: one key ring for every instance, kept across restarts.
        services.AddSingleton(sp => new BlobKeyRing(sp.GetRequiredService<StorageAccount>().Container(prefix + "keyring")));
        services.AddDataProtection().SetApplicationName("reintegration");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<IServiceProvider>((options, sp) => options.XmlRepository = sp.GetRequiredService<BlobKeyRing>());
    }

    private static StorageAccount Connect(IConfiguration config)
    {
        if (config["Storage:ConnectionString"] is { Length: > 0 } connectionString)
        {
            return StorageAccount.FromConnectionString(connectionString);
        }

        if (config["Storage:AccountName"] is { Length: > 0 } account)
        {
            // On Azure: the app's managed identity with data-plane roles; no account key anywhere.
            var clientId = config["Storage:ManagedIdentityClientId"];
            return StorageAccount.ForAccount(account, clientId is { Length: > 0 } ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)) : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned));
        }

        throw new InvalidOperationException("Storage: set Storage:ConnectionString (Azurite or an account key) or Storage:AccountName (managed identity).");
    }
}

/// <summary>In memory no documents are kept (uploads need the blob vault): an erasure has none to delete.</summary>
public sealed class NoDocuments : ICaseDocuments
{
    public Task DeleteAllAsync(string caseId, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>Creates what storage needs before the first request.</summary>
public interface IStorageInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}

public sealed class NothingToInitialize : IStorageInitializer
{
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class AzureStorageInitializer(IServiceProvider services) : IStorageInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<TableReadModel>().Table.CreateIfNotExistsAsync(cancellationToken);
        await services.GetRequiredService<TableCaseIndex>().Table.CreateIfNotExistsAsync(cancellationToken);
        await services.GetRequiredService<Security.TableAuditTrail>().Table.CreateIfNotExistsAsync(cancellationToken);
        await services.GetRequiredService<Email.TableEmailSendLog>().Table.CreateIfNotExistsAsync(cancellationToken);
        await services.GetRequiredService<DocumentVault>().Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        if (services.GetRequiredService<IDevOutbox>() is BlobDevOutbox outbox)
        {
            await outbox.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}

/// <summary>Runs the storage initializer when the host starts.</summary>
public sealed class StorageStartup(IStorageInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
