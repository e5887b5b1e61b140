using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Email;
using Reintegration.Functions.Links;
using LinkOptions = Reintegration.Functions.Links.LinkOptions;
using Reintegration.Functions.Outbox;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// E-mail and links. <c>Email:Delivery</c> = <c>DevOutbox</c> (default: e-mails land in blob storage, shown on
/// /dev/outbox) or <c>SendGrid</c> (<c>Email:SendGrid:*</c>). Links are signed with <c>Links:Key</c>.
/// </summary>
public static class MessagingSetup
{
    public static void AddCaseMessaging(this IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        services.AddSingleton(sp =>
        {
            var options = config.GetSection(LinkOptions.Section).Get<LinkOptions>() ?? new LinkOptions();
            return new LinkTokens(options);
        });

        services.AddSingleton(sp =>
        {
            var options = new EmailOptions();
            config.GetSection(EmailOptions.Section).Bind(options);
            if (environment.IsDevelopment())
            {
                // Local mailboxes for the dev outbox; real addresses come from configuration.
                options.Recipients.Counsellor ??= "counsellor@reintegration.localhost";
                options.Recipients.Agency ??= "caseworker@reintegration.localhost";
                options.Recipients.ProgrammeOfficer ??= "programme-officer@reintegration.localhost";
                foreach (var partner in sp.GetRequiredService<ProgrammeCatalog>().All.SelectMany(p => p.Partners))
                {
                    options.Partners.TryAdd(partner.Id, $"{partner.Id}@reintegration.localhost");
                }
            }

            return options;
        });
        services.AddSingleton<EmailComposer>();

        var delivery = config["Email:Delivery"] ?? "DevOutbox";
        if (string.Equals(delivery, "SendGrid", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton(_ => config.GetSection(SendGridOptions.Section).Get<SendGridOptions>() ?? new SendGridOptions());
            // A named client from the factory per send: the delivery is a singleton, the handlers still rotate.
            services.AddHttpClient(SendGridEmailDelivery.HttpClientName);
            services.AddSingleton<IEmailDelivery>(sp => new SendGridEmailDelivery(
                sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<SendGridOptions>(),
                sp.GetRequiredService<IEmailSendLog>(),
                sp.GetRequiredService<TimeProvider>()));
        }
        else if (string.Equals(delivery, "DevOutbox", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEmailDelivery>(sp => sp.GetRequiredService<IDevOutbox>());
        }
        else
        {
            throw new InvalidOperationException($"Email:Delivery must be DevOutbox or SendGrid, not '{delivery}'.");
        }

        services.AddSingleton<IMessageSender>(sp => new EmailEffectSender(
            sp.GetRequiredService<EmailComposer>(),
            sp.GetRequiredService<IEmailDelivery>(),
            sp.GetRequiredService<ICaseReadModel>()));
    }
}
