using System.Net;
using System.Text;
using Reintegration.Functions.Pages;

namespace Reintegration.Functions.Tests.Pages;

/// <summary>The check behind the every-page test finds what issue 13 saw on Danish pages.</summary>
public sealed class PageWordsSupportTests
{
    [Fact]
    public async Task A_Danish_page_with_raw_enum_names_English_event_texts_and_a_missed_word_has_each_named()
    {
        var html = "<html lang=\"da\"><body><p>AirportPickup, OnwardTransport</p><p>Plan version 1: approved</p>" +
            "<li>Application submitted</li><p data-label=\"x\">serious-crime</p></body></html>";
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(html, Encoding.UTF8, "text/html") };
        response.Headers.Add(Html.UntranslatedHeader, "stage.monitoring");

        var faults = await PageWordsSupport.FaultsAsync(response, "case page", "da");

        faults.ShouldContain(f => f.Contains("lacks words: stage.monitoring", StringComparison.Ordinal));
        faults.ShouldContain(f => f.EndsWith("enum name AirportPickup", StringComparison.Ordinal));
        faults.ShouldContain(f => f.EndsWith("enum name OnwardTransport", StringComparison.Ordinal));
        faults.ShouldContain(f => f.EndsWith("enum word Approved", StringComparison.Ordinal));
        faults.ShouldContain(f => f.Contains("\"Application submitted\"", StringComparison.Ordinal));
        faults.ShouldContain(f => f.EndsWith("code serious-crime", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_English_page_may_say_approved_but_not_show_a_PascalCase_enum_name()
    {
        var html = "<html lang=\"en\"><body><p>Plan version 1: approved</p><p>NotTravelled</p></body></html>";
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(html, Encoding.UTF8, "text/html") };

        var faults = await PageWordsSupport.FaultsAsync(response, "case page", "en");

        faults.ShouldBe(["case page [en] shows the enum name NotTravelled"]);
    }
}
