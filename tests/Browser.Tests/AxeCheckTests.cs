using Reintegration.Browser.Tests.Support;

namespace Reintegration.Browser.Tests;

/// <summary>The accessibility check every page goes through does catch what it is for.</summary>
[Collection(LiveAppCollection.Name)]
public sealed class AxeCheckTests(LiveApp app)
{
    [Fact]
    public async Task Given_a_page_with_an_unnamed_image_and_button_When_checked_Then_axe_fails_it()
    {
        var page = await app.NewPageAsync();
        await page.SetContentAsync("<html lang=\"en\"><head><title>t</title></head><body><main>" +
            "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><button></button></main></body></html>");

        // Shouldly lets its own assertion failures through Should.Throw, so the failure is caught by hand.
        string? failure = null;
        try
        {
            await page.ShouldPassAxeAsync();
        }
        catch (ShouldAssertException e)
        {
            failure = e.Message;
        }

        failure.ShouldNotBeNull();
        failure.ShouldContain("critical image-alt");
        failure.ShouldContain("critical button-name");
    }
}
