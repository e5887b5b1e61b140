using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Functions.Email;
using Reintegration.Functions.Intake;
using Reintegration.Functions.Links;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// Checks every setting at start-up, before the first request, and refuses to start with one message naming each
/// missing or invalid setting (never a value): a misconfigured deployment fails loudly, not on its first e-mail.
/// </summary>
public sealed class ConfigurationCheck(IServiceProvider services, IConfiguration config, IHostEnvironment environment) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = Problems();
        return problems.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException("The configuration is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Try(problems, () => services.GetRequiredService<ProgrammeCatalog>());
        Try(problems, () => services.GetRequiredService<LinkTokens>());
        Try(problems, () => services.GetRequiredService<ApiKeyRegistry>());
        Try(problems, () => services.GetRequiredService<IntakeOptions>());
        Try(problems, () => services.GetRequiredService<Domain.Runtime.ICaseReadModel>());

        var email = services.GetRequiredService<EmailOptions>();
        foreach (var role in new[] { RecipientRole.Counsellor, RecipientRole.Agency, RecipientRole.ProgrammeOfficer })
        {
            Try(problems, () => email.AddressFor(role));
        }

        foreach (var partner in services.GetRequiredService<ProgrammeCatalog>().All.SelectMany(p => p.Partners))
        {
            Try(problems, () => email.AddressForPartner(partner.Id));
        }

        if (string.Equals(config["Email:Delivery"], "SendGrid", StringComparison.OrdinalIgnoreCase))
        {
            Require(problems, "Email:SendGrid:ApiKey");
            Require(problems, "Email:SendGrid:FromAddress");
        }
        else if (!environment.IsDevelopment())
        {
            problems.Add("Email:Delivery must be SendGrid outside Development (the dev outbox keeps e-mails in storage).");
        }

        if (!environment.IsDevelopment())
        {
            Require(problems, "Documents:Key");
            if (services.GetRequiredService<ApiKeyRegistry>().Count == 0 && string.IsNullOrEmpty(config["Auth:EntraId:Audience"]))
            {
                problems.Add("Auth:ApiKeys (or Auth:EntraId) must name at least one caller outside Development.");
            }
        }

        // What the app sees when a Key Vault reference did not resolve (missing secret, no access): name it, show nothing.
        problems.AddRange(config.AsEnumerable()
            .Where(setting => setting.Value?.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true)
            .Select(setting => $"{setting.Key} is a Key Vault reference that did not resolve."));

        if (!environment.IsDevelopment() && config["Links:BaseUrl"] is { } baseUrl && !baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Links:BaseUrl must be an https address outside Development.");
        }

        return problems;
    }

    private void Require(List<string> problems, string key)
    {
        if (string.IsNullOrWhiteSpace(config[key]))
        {
            problems.Add($"{key} is required.");
        }
    }

    private static void Try(List<string> problems, Func<object> check)
    {
        try
        {
            check();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or ProgrammeProfileException)
        {
            problems.Add(ex.Message);
        }
    }
}
