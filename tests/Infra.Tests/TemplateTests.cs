using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reintegration.Infra.Tests;

/// <summary>The template's shape: parameters, names and locations, no inline secrets, storage and vault hardening, Flex Consumption.</summary>
public sealed partial class TemplateTests
{
    private static readonly string[] ParameterTypes = ["string", "securestring", "int", "bool", "object", "secureObject", "array"];

    private static JsonObject Template => Repo.Template;

    private static IEnumerable<JsonObject> Resources => Template["resources"]!.AsArray().OfType<JsonObject>();

    private static IEnumerable<JsonObject> OfType(string type) => Resources.Where(r => (string?)r["type"] == type);

    [Fact]
    public void The_template_and_its_parameter_files_are_strict_JSON()
    {
        Template["$schema"]!.GetValue<string>().ShouldEndWith("deploymentTemplate.json#");
        Repo.ParameterFiles.ShouldBe(["infra/parameters.dev.json", "infra/parameters.prod.json"]);
        foreach (var file in Repo.ParameterFiles)
        {
            Repo.Json(file)["$schema"]!.GetValue<string>().ShouldEndWith("deploymentParameters.json#");
        }
    }

    [Fact]
    public void Host_json_names_a_valid_task_hub_and_every_setting_it_refers_to_is_set_by_the_template()
    {
        // The Durable extension resolves %Name% from the app settings and keeps the text as it is when none is set,
        // and a task hub name with % in it names no queue: the extension would not start on Azure.
        var host = Repo.Json("src/Functions/host.json");
        var hub = host["extensions"]!["durableTask"]!["hubName"]!.GetValue<string>();
        TaskHubName().IsMatch(hub).ShouldBeTrue($"task hub name {hub}: 3 to 45 letters and digits, a letter first");
        hub.ShouldBe("cases", "docs/DEPLOY.md and docs/ARCHITECTURE.md name the hub");
        var settings = TemplateSettings.Names(Template);
        foreach (var name in Repo.Strings(host).SelectMany(s => SettingReference().Matches(s)).Select(m => m.Groups[1].Value))
        {
            settings.Keys.ShouldContain(name, $"host.json refers to %{name}%, which the template does not set");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex SettingReference();

    [Fact]
    public void Every_parameter_is_typed_and_used()
    {
        var body = string.Join('\n', new[] { "variables", "resources", "outputs" }.Select(s => Template[s]!.Raw()));
        foreach (var (name, definition) in Template["parameters"]!.AsObject())
        {
            ParameterTypes.ShouldContain((string?)definition!["type"], $"parameter {name} needs a type");
            body.ShouldContain($"parameters('{name}')", Case.Sensitive, $"parameter {name} is never used");
        }
    }

    [Fact]
    public void Each_environment_gives_every_required_parameter_and_nothing_unknown()
    {
        var parameters = Template["parameters"]!.AsObject();
        var required = parameters.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).ToList();
        foreach (var file in Repo.ParameterFiles)
        {
            var given = Repo.Json(file)["parameters"]!.AsObject();
            required.Where(r => !given.ContainsKey(r)).ShouldBeEmpty($"{file} misses required parameters");
            given.Select(g => g.Key).Where(g => !parameters.ContainsKey(g)).ShouldBeEmpty($"{file} sets parameters the template does not have");
        }
    }

    [Fact]
    public void Names_and_locations_are_parameters()
    {
        foreach (var resource in Resources)
        {
            var type = (string)resource["type"]!;
            var name = (string)resource["name"]!;
            name.ShouldStartWith("[", customMessage: $"{type}: a literal name");
            if (type == "Microsoft.Authorization/roleAssignments")
            {
                name.ShouldStartWith("[guid(", customMessage: "role assignment names are deterministic GUIDs");
            }
            else
            {
                name.ShouldContain("parameters('", Case.Sensitive, $"{type}: the name must come from a parameter");
            }

            // Top-level resources (Provider/type) have a location; child resources and role assignments do not.
            if (type.Split('/').Length == 2 && type != "Microsoft.Authorization/roleAssignments")
            {
                ((string?)resource["location"]).ShouldBe("[parameters('location')]", $"{type}: location");
            }
        }

        var everything = Template.Raw();
        LiteralRegion().Matches(everything).Select(m => m.Value).ShouldBeEmpty("regions belong in the parameter files");
    }

    [Fact]
    public void No_secret_is_inline_and_secure_parameters_have_no_default()
    {
        foreach (var (name, definition) in Template["parameters"]!.AsObject())
        {
            var type = (string)definition!["type"]!;
            if (SecretLikeName().IsMatch(name))
            {
                type.ShouldBeOneOf(["securestring", "secureObject"], $"{name} looks like a secret");
            }

            if (type is "securestring" or "secureObject")
            {
                definition["defaultValue"].ShouldBeNull($"{name}: a secure parameter has no default");
                foreach (var file in Repo.ParameterFiles)
                {
                    Repo.Json(file)["parameters"]![name]?["value"].ShouldBeNull($"{file} must not hold the value of {name}");
                }
            }
        }

        foreach (var file in Repo.ParameterFiles.Prepend("infra/main.json"))
        {
            Repo.Strings(Repo.Json(file)).Where(s => SecretLooking().IsMatch(s)).ShouldBeEmpty($"{file} holds something that looks like a secret");
        }
    }

    [Fact]
    public void Storage_refuses_shared_keys_and_old_TLS()
    {
        var storage = OfType("Microsoft.Storage/storageAccounts").Single()["properties"]!;
        ((bool)storage["allowSharedKeyAccess"]!).ShouldBeFalse();
        ((string)storage["minimumTlsVersion"]!).ShouldBe("TLS1_2");
        ((bool)storage["allowBlobPublicAccess"]!).ShouldBeFalse();
        ((bool)storage["supportsHttpsTrafficOnly"]!).ShouldBeTrue();
        ((bool)storage["defaultToOAuthAuthentication"]!).ShouldBeTrue();
        Template.Raw().ShouldNotContain("listKeys", Case.Insensitive);
    }

    [Fact]
    public void Key_Vault_uses_RBAC()
    {
        var vault = OfType("Microsoft.KeyVault/vaults").Single()["properties"]!;
        ((bool)vault["enableRbacAuthorization"]!).ShouldBeTrue();
        vault["accessPolicies"].ShouldBeNull();
        ((bool)vault["enableSoftDelete"]!).ShouldBeTrue();
    }

    [Fact]
    public void The_app_is_a_Linux_isolated_worker_on_Flex_Consumption_with_its_own_identity()
    {
        var plan = OfType("Microsoft.Web/serverfarms").Single();
        ((string)plan["sku"]!["name"]!).ShouldBe("FC1");
        ((string)plan["sku"]!["tier"]!).ShouldBe("FlexConsumption");
        ((bool)plan["properties"]!["reserved"]!).ShouldBeTrue("Linux");

        var site = OfType("Microsoft.Web/sites").Single();
        ((string)site["kind"]!).ShouldBe("functionapp,linux");
        ((string)site["identity"]!["type"]!).ShouldBe("SystemAssigned");
        ((bool)site["properties"]!["httpsOnly"]!).ShouldBeTrue();
        var config = site["properties"]!["functionAppConfig"]!;
        ((string)config["runtime"]!["name"]!).ShouldBe("dotnet-isolated");
        ((string)Template["parameters"]!["dotnetVersion"]!["defaultValue"]!).ShouldBe("10.0");
        ((string)config["deployment"]!["storage"]!["authentication"]!["type"]!).ShouldBe("SystemAssignedIdentity");
        Repo.Text("src/Functions/host.json").ShouldNotContain("\"customHandler\"");
    }

    [Fact]
    public void The_app_identity_gets_every_data_plane_role_it_needs()
    {
        var assigned = OfType("Microsoft.Authorization/roleAssignments").Select(r => r.Raw()).ToList();
        var roles = Template["variables"]!["roles"]!.AsObject();
        string[] needed = ["storageBlobDataOwner", "storageQueueDataContributor", "storageTableDataContributor", "keyVaultSecretsUser", "monitoringMetricsPublisher"];
        foreach (var role in needed)
        {
            var id = (string)roles[role]!;
            Guid.TryParse(id, out _).ShouldBeTrue();
            var byName = Template["variables"]!["storageRoles"]!.AsArray().Select(n => (string?)n).Contains(role);
            (byName || assigned.Any(a => a.Contains($"variables('roles').{role}", StringComparison.Ordinal))).ShouldBeTrue($"{role} is not assigned");
        }

        assigned.Where(a => !a.Contains("secretsOfficerPrincipalId", StringComparison.Ordinal))
            .ShouldAllBe(a => a.Contains("identity.principalId", StringComparison.Ordinal) && a.Contains("\"principalType\":\"ServicePrincipal\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_Insights_sits_on_Log_Analytics_without_local_auth()
    {
        var insights = OfType("Microsoft.Insights/components").Single()["properties"]!;
        ((string)insights["WorkspaceResourceId"]!).ShouldContain("Microsoft.OperationalInsights/workspaces");
        ((bool)insights["DisableLocalAuth"]!).ShouldBeTrue();
    }

    [Fact]
    public void The_outputs_give_the_app_URL()
    {
        ((string)Template["outputs"]!["appUrl"]!["value"]!).ShouldContain("defaultHostName");
    }

    [Fact]
    public void E_mail_links_lead_under_the_Functions_route_prefix_by_default()
    {
        // Links are {Links:BaseUrl}/links/{token}; the Functions host serves every route under host.json's prefix, so a
        // base without it sent every e-mailed link to a 404.
        var prefix = (string)Repo.Json("src/Functions/host.json")["extensions"]!["http"]!["routePrefix"]!;
        var setting = OfType("Microsoft.Web/sites/config").Select(c => c.Raw()).Single(c => c.Contains("Links__BaseUrl", StringComparison.Ordinal));
        setting.ShouldContain($"format('https://{{0}}/{prefix}', reference(variables('siteId')");
        ((string)Template["outputs"]!["linksBaseUrl"]!["value"]!).ShouldContain($"format('https://{{0}}/{prefix}'");
    }

    [Fact]
    public void Every_vault_secret_the_app_references_is_explained_in_the_deploy_guide()
    {
        var guide = Repo.Text("docs/DEPLOY.md");
        var secretNames = SecretNameIn().Matches(Template.Raw()).Select(m => m.Groups[1].Value.Replace("{0}", string.Empty, StringComparison.Ordinal)).Distinct().ToList();
        secretNames.ShouldContain("api-key-");
        foreach (var secret in secretNames)
        {
            guide.ShouldContain(secret, Case.Sensitive, $"docs/DEPLOY.md does not say how to set {secret}");
        }
    }

    [GeneratedRegex(@"'(?:westeurope|northeurope|swedencentral|eastus2?|westus\d?|uksouth|germanywestcentral|francecentral)'")]
    private static partial Regex LiteralRegion();

    /// <summary>Secret-like parameter names; key ids and public keys are not secrets.</summary>
    [GeneratedRegex(@"(?i:secret(?!sOfficer)|password|token)|[a-z]Key$(?<!PublicKey)")]
    private static partial Regex SecretLikeName();

    /// <summary>Webhook secrets, SendGrid keys, account keys, SAS, PEM, instrumentation keys, long base64.</summary>
    [GeneratedRegex(@"whsec_|SG\.[\w-]{10,}|AccountKey=|SharedAccessSignature|[?&]sig=|-----BEGIN|InstrumentationKey=|^[A-Za-z0-9+/]{40,}={0,2}$")]
    private static partial Regex SecretLooking();

    [GeneratedRegex(@"format\(variables\('secretUriFormat'\), (?:format\()?'([a-z0-9{}-]+)'")]
    private static partial Regex SecretNameIn();
}
