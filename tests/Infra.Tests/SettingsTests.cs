using System.Text.RegularExpressions;

namespace Reintegration.Infra.Tests;

/// <summary>The template's app settings against the configuration keys the code reads (both found at test time).</summary>
public sealed partial class SettingsTests
{
    /// <summary>
    /// Keys the code reads that the template legitimately does not set. <c>**</c> covers everything below a key.
    /// Each entry must still be read by the code (a stale entry fails), so this list shrinks with the code.
    /// </summary>
    private static readonly Dictionary<string, string> NotFromTemplate = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Dev:**"] = "development clock: Development environment only",
        ["Demo:**"] = "demo seed: local runs only",
        ["Storage:ConnectionString"] = "Azurite only; on Azure Storage:AccountName with the managed identity, no account key",
        ["Storage:ManagedIdentityClientId"] = "only for a user-assigned identity; the template gives the app a system-assigned one",
        ["Storage:Mode"] = "defaults to Azure",
        ["Storage:Prefix"] = "tests and benchmarks only: their tables, containers and task hubs apart on one Azurite; empty on Azure",
        ["Email:SendGrid:BaseUrl"] = "defaults to https://api.sendgrid.com",
        ["Email:SendGrid:MaxAttempts"] = "defaults to 4",
        ["Email:SendGrid:MaxRetryWait"] = "defaults to 30 s",
        ["Intake:Native:ToleranceSeconds"] = "defaults to 300 (Standard Webhooks' five minutes)",
        ["Email:Partners:*"] = "one address per partner, deployment data: set as Email__Partners__<partner id with '_' for '-'> (the code accepts either), see docs/DEPLOY.md",
        ["Intake:MappingsFile"] = "optional: a JSON file with the Kobo and Typeform form mappings, shipped with the package; see docs/DEPLOY.md",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "optional: an OTLP collector's endpoint; telemetry export is off without it and the template deploys no collector",
        ["Intake:Kobo:**"] = "a Kobo form is a nested mapping document, not app settings: needs a mappings file the code loads, see docs/DEPLOY.md",
        ["Intake:Typeform:**"] = "a Typeform form is a nested mapping document, not app settings: needs a mappings file the code loads, see docs/DEPLOY.md",
        ["Auth:FailureLimit"] = "defaults to 10 failed keys or sign-ins per client in a window",
        ["Auth:FailureWindow"] = "defaults to 15 minutes",
        ["Documents:KeyId"] = "defaults to 1; set when the document key rotates, see docs/DEPLOY.md",
        ["Documents:PreviousKey"] = "only during a document key rotation, see docs/DEPLOY.md",
        ["Documents:PreviousKeyId"] = "only during a document key rotation, see docs/DEPLOY.md",
        ["Email:SendGrid:EventMaxAge"] = "defaults to 3 days (above SendGrid's 72 hours of retries)",
        ["ForwardedHeaders:KnownProxies"] = "none by default; loopback (the Functions host) is trusted without it, see docs/DEPLOY.md",
        ["ForwardedHeaders:KnownNetworks"] = "none by default, see docs/DEPLOY.md",
        ["Engine:TaskHub"] = "the local task hub's name; defaults to the storage prefix + 'cases'",
        ["Engine:LongestPoll"] = "local task hub only: the longest wait between polls of an idle queue; defaults to host.json's 1 s, the tests set 100 ms",
        ["Engine:MessageVisibility"] = "local task hub only: how long a taken queue message stays invisible; defaults to host.json's 1 minute, the small fault run in the tests sets 20 s",
        ["Engine:Partitions"] = "local task hub only: its control queues (1 to 16); defaults to host.json's 4; for measuring the fault run on Azurite",
        ["Engine:FailedWatchSeconds"] = "how often the durable engine looks for failed cases; defaults to 60",
    };

    /// <summary>
    /// Keys of work in progress elsewhere in the code, not settled enough for the template; not checked for staleness,
    /// since they may come and go while that work lands.
    /// </summary>
    private static readonly Dictionary<string, string> InProgress = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Auth:EntraId:**"] = "Entra ID sign-in, an alternative to API keys; the template authenticates callers with API keys until its settings settle",
    };

    /// <summary>Settings the template sets for the Functions host and the platform, not for our code.</summary>
    private static readonly Dictionary<string, string> ForTheHost = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage:accountName"] = "host storage and the Durable task hub (host.json) through the managed identity",
        ["AzureWebJobsStorage:credential"] = "host storage and the Durable task hub through the managed identity",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "the host's telemetry",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Entra ID ingestion: the Application Insights resource refuses local (key) auth",
    };

    /// <summary>Set ahead of the code: the vault holds the secret and the app gets it, the code does not read it yet.</summary>
    private static readonly Dictionary<string, string> AheadOfCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Documents:Key"] = "DocumentVault's AES-256 key (base64 of 32 bytes); src/Functions does not wire DocumentVault to configuration yet",
    };

    /// <summary>App settings Flex Consumption refuses or ignores (its runtime and deployment live in functionAppConfig).</summary>
    private static readonly string[] FlexForbidden =
    [
        "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_WORKER_RUNTIME_VERSION", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "SCM_DO_BUILD_DURING_DEPLOYMENT", "WEBSITE_NODE_DEFAULT_VERSION",
        "AzureWebJobsStorage",
    ];

    private static IReadOnlyDictionary<string, string?> TemplateNames => TemplateSettings.Names(Repo.Template);

    private static HashSet<string> TemplateKeys => new(TemplateNames.Keys.Select(TemplateSettings.ToConfigKey), StringComparer.OrdinalIgnoreCase);

    private static bool Covers(string entry, string key) =>
        entry.EndsWith(":**", StringComparison.Ordinal)
            ? key.StartsWith(entry[..^2], StringComparison.OrdinalIgnoreCase)
            : string.Equals(entry, key, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void The_code_scan_finds_the_keys_we_know_it_reads()
    {
        // Guards the scanner itself: if these go missing, the regexes no longer match the code.
        string[] known =
        [
            "Storage:AccountName", "Storage:Prefix", "Email:Delivery", "Email:SendGrid:ApiKey",
            "Email:SendGrid:EventWebhookPublicKey", "Email:Recipients:Counsellor", "Email:Partners:*", "Links:Key", "Links:PreviousKey",
            "Intake:Native:Secrets:*", "Intake:Kobo:*:Authentication:HeaderValue", "Auth:ApiKeys:*:Key", "Auth:ApiKeys:*:PartnerId", "Engine:FailedWatchSeconds",
        ];
        known.Where(k => !CodeSettings.Keys.Contains(k)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_app_setting_the_template_sets_is_read_by_the_code_or_by_the_host()
    {
        var unread = TemplateKeys
            .Where(k => !CodeSettings.Keys.Contains(k) && !ForTheHost.ContainsKey(k) && !AheadOfCode.ContainsKey(k))
            .Order(StringComparer.Ordinal).ToList();
        unread.ShouldBeEmpty("the template sets settings nothing reads (a typo, or a key the code dropped)");
    }

    [Fact]
    public void Every_key_the_code_reads_is_set_by_the_template_or_explained()
    {
        var missing = CodeSettings.Keys
            .Where(k => !TemplateKeys.Contains(k) && !NotFromTemplate.Keys.Concat(InProgress.Keys).Any(e => Covers(e, k)))
            .Order(StringComparer.Ordinal).ToList();
        missing.ShouldBeEmpty("the code reads keys the template neither sets nor explains in NotFromTemplate");
    }

    [Fact]
    public void The_explanations_are_not_stale()
    {
        NotFromTemplate.Keys.Where(e => !CodeSettings.Keys.Any(k => Covers(e, k))).ShouldBeEmpty("NotFromTemplate lists keys the code no longer reads");
        NotFromTemplate.Keys.Where(e => TemplateKeys.Any(k => Covers(e, k))).ShouldBeEmpty("NotFromTemplate lists keys the template does set");
    }

    [Fact]
    public void Setting_names_are_valid_app_setting_names_and_none_is_refused_by_Flex_Consumption()
    {
        foreach (var name in TemplateNames.Keys)
        {
            AppSettingName().IsMatch(name.Replace("{0}", "0", StringComparison.Ordinal)).ShouldBeTrue($"'{name}': app setting names allow letters, digits, '.' and '_' only");
            FlexForbidden.ShouldNotContain(name);
        }
    }

    [Fact]
    public void Secrets_come_from_Key_Vault_references_never_from_values()
    {
        var names = TemplateNames;
        foreach (var (name, value) in names.Where(n => SecretSetting().IsMatch(TemplateSettings.ToConfigKey(n.Key))))
        {
            if (value is not null)
            {
                value.ShouldContain("variables('secretRefs')", Case.Sensitive, $"{name} must be a Key Vault reference");
            }
        }

        var apiKeys = Repo.Template["variables"]!["apiKeySettings"]!.GetValue<string>();
        apiKeys.ShouldContain("'Auth__ApiKeys__{0}__Key', lambdaVariables('i')), format(variables('secretUriFormat')");
        Repo.Template["variables"]!["secretUriFormat"]!.GetValue<string>().ShouldStartWith("[format('@Microsoft.KeyVault(SecretUri=https://");
    }

    [Fact]
    public void Production_essentials_are_set()
    {
        var keys = TemplateKeys;
        string[] essentials =
        [
            "Storage:AccountName", "Links:BaseUrl", "Links:KeyId", "Links:Key", "Email:Delivery", "Email:SendGrid:ApiKey", "Email:SendGrid:FromAddress",
            "Email:Recipients:Counsellor", "Email:Recipients:Agency", "Email:Recipients:ProgrammeOfficer", "Intake:Native:Secrets:*", "Auth:ApiKeys:*:Key",
        ];
        essentials.Where(e => !keys.Contains(e)).ShouldBeEmpty();
        TemplateNames["Email__Delivery"].ShouldBe("SendGrid");
    }

    [Fact]
    public void The_durable_task_hub_connection_is_the_apps_identity_based_host_storage()
    {
        var provider = Repo.Json("src/Functions/host.json")["extensions"]!["durableTask"]!["storageProvider"]!;
        ((string)provider["type"]!).ShouldBe("AzureStorage");
        var connection = (string)provider["connectionName"]!;

        TemplateNames[$"{connection}__accountName"].ShouldBe("[parameters('storageAccountName')]");
        TemplateNames[$"{connection}__credential"].ShouldBe("managedidentity");
        TemplateNames.Keys.ShouldNotContain(connection, "no connection string: shared keys are off");
        TemplateKeys.ShouldNotContain("Storage:Prefix");
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.]+$")]
    private static partial Regex AppSettingName();

    [GeneratedRegex(@"(?:(?<!Public)Key|Secret|Secrets:\*|Password|HeaderValue)$")]
    private static partial Regex SecretSetting();
}
