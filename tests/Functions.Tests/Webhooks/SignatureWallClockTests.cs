using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Intake;
using Reintegration.Functions.Tests.Intake;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Webhooks;

/// <summary>
/// The development clock moves case time; a sender signs with its real clock, so a webhook's signature timestamp is
/// checked against the wall clock, wherever the dev clock has been moved to.
/// </summary>
public sealed class SignatureWallClockTests(SignatureWallClockTests.WallClockApp app)
    : IClassFixture<SignatureWallClockTests.WallClockApp>
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public async Task Given_the_dev_clock_moved_a_day_When_intake_is_signed_at_real_time_Then_it_is_accepted()
    {
        var client = app.CreateClient();
        (await client.PostAsync("/dev/clock/advance?days=1", null)).EnsureSuccessStatusCode();
        app.Clock.GetUtcNow().ShouldBe(AppFactory.Start.AddDays(1));

        var signedNow = await client.SendAsync(Signed("msg_wall_now", app.Wall.GetUtcNow()));
        var signedInCaseTime = await client.SendAsync(Signed("msg_case_time", app.Clock.GetUtcNow()));

        signedNow.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        signedInCaseTime.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.VersionAsync(IntakeCommands.CaseIdFor(IntakeSources.Native, "msg_case_time"))).ShouldBe(0);
    }

    private static HttpRequestMessage Signed(string id, DateTimeOffset at)
    {
        var body = IntakeExamples.Bytes(IntakeExamples.Application);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var signature = HMACSHA256.HashData(key, (byte[])[.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body]);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/intake/native") { Content = content };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + Convert.ToBase64String(signature));
        return request;
    }

    /// <summary>The app with a native intake secret and a wall clock of its own, standing still at the start.</summary>
    public sealed class WallClockApp : AppFactory
    {
        public ManualClock Wall { get; } = new(Start);

        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Intake:Native:Secrets:0"] = Secret;
                return settings;
            }
        }

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddKeyedSingleton<TimeProvider>(WallClock.Key, Wall);
    }
}
