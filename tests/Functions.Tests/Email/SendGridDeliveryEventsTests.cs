using System.Text;
using System.Text.Json.Nodes;
using Reintegration.Functions.Email;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Email;

public class SendGridDeliveryEventsTests
{
    private static readonly string Sample = Samples.Text("sendgrid_event_webhook_examples_twilio-docs.json");

    /// <summary>The sample's events as our own mail would produce them: custom args arrive as top-level fields, like the sample's unique_arg_key.</summary>
    private static byte[] SampleWithCaseIds()
    {
        var events = JsonNode.Parse(Sample)!.AsArray();
        for (var i = 0; i < events.Count; i++)
        {
            events[i]!["case_id"] = "case-42";
            events[i]!["effect_id"] = $"case-42:7:{i}";
        }

        return Encoding.UTF8.GetBytes(events.ToJsonString());
    }

    [Fact]
    public void Given_the_sample_events_as_they_are_When_read_Then_none_needs_an_alert_because_none_names_a_case()
    {
        SendGridDeliveryEvents.FailuresIn(Encoding.UTF8.GetBytes(Sample)).ShouldBeEmpty();
    }

    [Fact]
    public void Given_the_sample_events_of_a_case_When_read_Then_the_bounce_and_the_drop_need_alerts()
    {
        var failures = SendGridDeliveryEvents.FailuresIn(SampleWithCaseIds());

        failures.ShouldBe(
        [
            new EmailDeliveryFailure("case-42", "case-42:7:2", "bounce", "500 unknown recipient", "6g4ZI7SA-xmRDv57GoPIPw=="),
            new EmailDeliveryFailure("case-42", "case-42:7:3", "dropped", "Bounced Address", "zmzJhfJgAfUSOW80yEbPyw=="),
        ]);
    }

    [Fact]
    public void Given_a_bounce_reason_quoting_the_address_When_read_Then_the_address_is_removed()
    {
        const string body = """
            [{"email":"alex@example.com","event":"bounce","type":"blocked","case_id":"case-7",
              "reason":"550 5.1.1 <alex@example.com>: Recipient address rejected; also mailto:bola@example.org"}]
            """;

        var failure = SendGridDeliveryEvents.FailuresIn(Encoding.UTF8.GetBytes(body)).ShouldHaveSingleItem();

        failure.Reason.ShouldBe("550 5.1.1 <[address]>: Recipient address rejected; also mailto:[address]");
        failure.EffectId.ShouldBeNull();
        failure.EventId.ShouldBeNull();
    }

    [Fact]
    public void Given_deferred_blocked_and_engagement_events_of_a_case_When_read_Then_they_are_ignored()
    {
        const string body = """
            [{"event":"deferred","case_id":"case-7","response":"400 try again later"},
             {"event":"blocked","case_id":"case-7"},
             {"event":"open","case_id":"case-7"},
             {"event":"bounce","case_id":""},
             {"event":"dropped","case_id":42},
             "not an event", 17]
            """;

        SendGridDeliveryEvents.FailuresIn(Encoding.UTF8.GetBytes(body)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{\"event\":\"bounce\"}")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[] []")]
    public void Given_a_body_that_is_not_an_array_of_events_When_read_Then_it_is_a_format_error(string body)
    {
        Should.Throw<FormatException>(() => SendGridDeliveryEvents.FailuresIn(Encoding.UTF8.GetBytes(body)));
    }
}
