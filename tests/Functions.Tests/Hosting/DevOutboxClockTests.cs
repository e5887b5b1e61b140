using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Hosting;

/// <summary>The dev outbox shows where the development clock stands: its e-mails and links follow that time.</summary>
public sealed class DevOutboxClockTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Given_the_dev_clock_moved_When_the_outbox_is_shown_Then_it_shows_the_clock_s_date()
    {
        var client = app.CreateClient();
        (await client.PostAsync("/dev/clock/advance?to=2026-11-05T09:00:00Z", null)).EnsureSuccessStatusCode();

        var page = await client.GetStringAsync("/dev/outbox");

        page.ShouldContain("Development clock: 2026-11-05 09:00 UTC");
    }
}
