using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Webhooks;

public sealed class SendGridEventFreshnessTests : IClassFixture<SendGridEventFreshnessTests.SignedApp>
{
    private readonly SignedApp app;

    public SendGridEventFreshnessTests(SignedApp app) => this.app = app;

    [Fact]
    public async Task Given_a_signed_bounce_When_it_is_fresh_replayed_or_older_than_three_days_Then_one_alert_a_duplicate_and_a_401()
    {
        var id = await app.NewCaseAsync("sg-fresh-1");
        var now = app.Clock.GetUtcNow();
        var body = Events(id, "sg-event-1");

        (await Alerts(await app.PostAsync(body, now))).ShouldBe(1);
        (await Alerts(await app.PostAsync(body, now.AddDays(-2)))).ShouldBe(0);   // a replay within the tolerance: a duplicate
        var stale = await app.PostAsync(Events(id, "sg-event-2"), now.AddDays(-3).AddMinutes(-1));
        stale.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("stale-event");
        (await app.PostAsync(Events(id, "sg-event-3"), now.AddMinutes(10))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Alerts(await app.PostAsync(Events(id, "sg-event-4"), now.AddDays(-3).AddMinutes(1)))).ShouldBe(1);
    }

    private static async Task<int> Alerts(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alerts").GetInt32();
    }

    private static byte[] Events(string caseId, string eventId) => JsonSerializer.SerializeToUtf8Bytes(new[]
    {
        new Dictionary<string, string> { ["event"] = "bounce", ["case_id"] = caseId, ["sg_event_id"] = eventId, ["reason"] = "550 unknown user" },
    });

    /// <summary>The app with an event webhook key of this test's own (SendGrid's private key is not ours to sign with).</summary>
    public sealed class SignedApp : AppFactory
    {
        private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        public async Task<HttpResponseMessage> PostAsync(byte[] body, DateTimeOffset signedAt)
        {
            var timestamp = signedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var signature = key.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/sendgrid/events") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", Convert.ToBase64String(signature));
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
            return await CreateClient().SendAsync(request);
        }

        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Email:SendGrid:EventWebhookPublicKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
                return settings;
            }
        }

        protected override void Dispose(bool disposing)
        {
            key.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>The app with its clock an hour after the shared SendGrid vector was signed (2020-05-06), so it is fresh.</summary>
public sealed class VectorTimeApp : AppFactory
{
    public static readonly JsonElement Vector =
        JsonDocument.Parse(Samples.Text("sendgrid_signed_event_webhook_vector.json")).RootElement.GetProperty("sendgrid_signed_event_vector");

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Email:SendGrid:EventWebhookPublicKey"] = Vector.GetProperty("public_key_b64_spki_der").GetString();
            return settings;
        }
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Vector.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var clock = new ManualClock(signedAt.AddHours(1));
        services.AddSingleton<TimeProvider>(clock);
        services.AddKeyedSingleton<TimeProvider>(Reintegration.Functions.Hosting.WallClock.Key, clock);
    }
}
