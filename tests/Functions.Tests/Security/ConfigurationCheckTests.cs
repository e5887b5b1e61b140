using Reintegration.Functions.Hosting;

namespace Reintegration.Functions.Tests.Security;

public class ConfigurationCheckTests
{
    [Fact]
    public async Task Production_start_without_its_settings_fails_naming_each_one_and_no_value()
    {
        await using var app = ReintegrationApp.Build(["--environment", "Production", "--Storage:Mode", "InMemory", "--urls", "http://127.0.0.1:0", "--Links:BaseUrl", "https://example.invalid"]);
        var error = await Should.ThrowAsync<InvalidOperationException>(() => app.StartAsync());

        error.Message.ShouldStartWith("The configuration is not valid:");
        error.Message.ShouldContain("Links:KeyId and Links:Key are required.");
        error.Message.ShouldContain("Email:Recipients:Counsellor");
        error.Message.ShouldContain("Email:Partners:ug_reach_out");
        error.Message.ShouldContain("Email:Delivery must be SendGrid outside Development");
        error.Message.ShouldContain("Documents:Key is required.");
        error.Message.ShouldContain("Auth:ApiKeys");
        error.Message.ShouldNotContain("example.invalid");
    }
}
