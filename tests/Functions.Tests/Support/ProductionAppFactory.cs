using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Domain.Programmes;

namespace Reintegration.Functions.Tests.Support;

/// <summary>
/// The app in Production mode with every setting the start-up check asks for (in-memory storage, SendGrid that is
/// never called) and one long API key per role. Each value is test-only, never a secret of any deployment. The
/// connection's peer address is taken from <see cref="PeerHeader"/> (TestServer has none), as a socket would give it.
/// </summary>
public class ProductionAppFactory : AppFactory
{
    public const string CounsellorKey = "test-counsellor-key-0123456789abcdefghij";
    public const string OfficerKey = "test-officer-key-0123456789abcdefghijklm";

    public const string PeerHeader = "X-Test-Peer";

    /// <summary>The one proxy this deployment trusts.</summary>
    public const string Proxy = "10.0.0.5";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Links:BaseUrl"] = "https://reintegration.example";
            settings["Email:Delivery"] = "SendGrid";
            settings["Email:SendGrid:ApiKey"] = "SG.test-only";
            settings["Email:SendGrid:FromAddress"] = "noreply@reintegration.example";
            settings["Email:Recipients:Counsellor"] = "counsellor@reintegration.example";
            settings["Email:Recipients:Agency"] = "agency@reintegration.example";
            settings["Email:Recipients:ProgrammeOfficer"] = "officer@reintegration.example";
            foreach (var partner in ProgrammeCatalog.Shipped().All.SelectMany(p => p.Partners))
            {
                settings[$"Email:Partners:{partner.Id}"] = $"{partner.Id}@reintegration.example";
            }

            settings["Documents:Key"] = Convert.ToBase64String(new byte[32]);
            settings["Auth:ApiKeys:0:Name"] = "counsellor-1";
            settings["Auth:ApiKeys:0:Key"] = CounsellorKey;
            settings["Auth:ApiKeys:0:Role"] = "Counsellor";
            settings["Auth:ApiKeys:1:Name"] = "officer-1";
            settings["Auth:ApiKeys:1:Key"] = OfficerKey;
            settings["Auth:ApiKeys:1:Role"] = "ProgrammeOfficer";
            settings["ForwardedHeaders:KnownProxies:0"] = Proxy;
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, then) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(http.Request.Headers[PeerHeader].FirstOrDefault() ?? "192.0.2.1");
                return then(http);
            });
            next(app);
        };
    }
}
