using Reintegration.Functions.Hosting;
using Reintegration.Functions.Intake;

namespace Reintegration.Functions.Tests.Security;

public sealed class MappingsFileTests
{
    [Fact]
    public async Task Form_mappings_come_from_the_file_named_by_the_setting_and_are_checked()
    {
        var file = Path.Combine(AppContext.BaseDirectory, $"mappings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            { "Intake": { "Typeform": { "sample": { "Mapping": { "Fields": { "programmeId": { "Constant": "eu-eurp" } } } } } } }
            """);
        try
        {
            await using var app = ReintegrationApp.Build(["--environment", "Development", "--Storage:Mode", "InMemory", "--Intake:MappingsFile", Path.GetFileName(file),
                "--Links:BaseUrl", "http://127.0.0.1", "--Links:KeyId", "k", "--Links:Key", Convert.ToBase64String(new byte[32])]);
            // The file's half-written form is read, and refused naming the form and each missing source.
            var error = Should.Throw<InvalidOperationException>(() => app.Services.GetService(typeof(IntakeOptions)));
            error.Message.ShouldContain("Typeform form 'sample': the webhook secret needs at least 16 characters");
            error.Message.ShouldContain("the required field 'applicant.name' has no source");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
