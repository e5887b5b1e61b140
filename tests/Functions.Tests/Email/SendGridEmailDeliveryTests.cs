using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Reintegration.Functions.Email;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Email;

public class SendGridEmailDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly EmailMessage Message = new(
        "caseworkers@agency.example.dk", "Eligibility decision requested (Case case-42)", "Plain text", "<p>Html</p>", "case-42", "case-42:7:0");

    private readonly ScriptedSendGrid sendGrid = new();
    private readonly List<TimeSpan> waits = [];

    private SendGridEmailDelivery Delivery(bool sandbox = false) => new(
        new HandlerClients(sendGrid),
        new SendGridOptions
        {
            ApiKey = "SG.test-key", BaseUrl = "https://sendgrid.test/", FromAddress = "cases@drc.example.org",
            FromName = "Reintegration cases", SandboxMode = sandbox,
        },
        new InMemoryEmailSendLog(),
        new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now),
        (wait, _) =>
        {
            waits.Add(wait);
            return Task.CompletedTask;
        });

    private JsonElement SentBody(int index = 0) => JsonDocument.Parse(sendGrid.Requests[index].Body).RootElement;

    [Fact]
    public async Task Given_sendgrid_accepts_When_delivered_Then_it_posts_once_with_bearer_auth_and_json()
    {
        sendGrid.Then(HttpStatusCode.Accepted);

        await Delivery().DeliverAsync(Message);

        var request = sendGrid.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Post);
        request.Uri.AbsoluteUri.ShouldBe("https://sendgrid.test/v3/mail/send");
        request.Authorization.ShouldBe("Bearer SG.test-key");
        request.ContentType.ShouldBe("application/json");
        waits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_message_When_delivered_Then_the_body_carries_recipient_ids_sender_and_both_contents()
    {
        sendGrid.Then(HttpStatusCode.Accepted);

        await Delivery().DeliverAsync(Message);

        var body = SentBody();
        var personalization = body.GetProperty("personalizations").EnumerateArray().ShouldHaveSingleItem();
        personalization.GetProperty("to").EnumerateArray().ShouldHaveSingleItem().GetProperty("email").GetString().ShouldBe(Message.To);
        personalization.GetProperty("custom_args").GetProperty("case_id").GetString().ShouldBe("case-42");
        personalization.GetProperty("custom_args").GetProperty("effect_id").GetString().ShouldBe("case-42:7:0");
        body.GetProperty("from").GetProperty("email").GetString().ShouldBe("cases@drc.example.org");
        body.GetProperty("from").GetProperty("name").GetString().ShouldBe("Reintegration cases");
        body.GetProperty("subject").GetString().ShouldBe(Message.Subject);
        body.GetProperty("content").EnumerateArray().Select(c => (c.GetProperty("type").GetString(), c.GetProperty("value").GetString()))
            .ShouldBe([("text/plain", "Plain text"), ("text/html", "<p>Html</p>")]);
        body.GetProperty("mail_settings").GetProperty("sandbox_mode").GetProperty("enable").GetBoolean().ShouldBeFalse();
        body.GetProperty("tracking_settings").GetProperty("click_tracking").GetProperty("enable").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Given_the_sendgrid_sample_request_When_our_body_is_compared_Then_every_field_has_the_samples_shape()
    {
        sendGrid.Then(HttpStatusCode.Accepted);
        using var sample = JsonDocument.Parse(Samples.Text("sendgrid_mail_send_request_MailSendNoTemplate.json"));

        await Delivery().DeliverAsync(Message);

        // custom_args is part of the personalization schema but not used by this sample.
        JsonShape.Mismatches(SentBody(), sample.RootElement, allowedExtra: ["$.personalizations[].custom_args"]).ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_body_that_strays_from_the_sample_When_compared_Then_the_difference_is_named()
    {
        using var sample = JsonDocument.Parse(Samples.Text("sendgrid_mail_send_request_MailSendNoTemplate.json"));
        using var stray = JsonDocument.Parse("""{"mail_settings":{"sandbox_mode":{"enable":"true"}},"content":[{"kind":"text/plain"}]}""");

        JsonShape.Mismatches(stray.RootElement, sample.RootElement, allowedExtra: [])
            .ShouldBe(["$.mail_settings.sandbox_mode.enable: String where the reference has False", "$.content[].kind: not in the reference"]);
    }

    [Fact]
    public async Task Given_sandbox_mode_When_sendgrid_validates_with_200_Then_the_flag_is_sent_and_it_counts_as_done()
    {
        sendGrid.Then(HttpStatusCode.OK);

        await Delivery(sandbox: true).DeliverAsync(Message);

        SentBody().GetProperty("mail_settings").GetProperty("sandbox_mode").GetProperty("enable").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Given_a_429_with_retry_after_seconds_When_delivered_Then_it_waits_that_long_and_tries_again()
    {
        sendGrid.Then(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)))
            .Then(HttpStatusCode.Accepted);

        await Delivery().DeliverAsync(Message);

        waits.ShouldBe([TimeSpan.FromSeconds(7)]);
        sendGrid.Requests.Count.ShouldBe(2);
        sendGrid.Requests[1].Body.ShouldBe(sendGrid.Requests[0].Body);
    }

    [Fact]
    public async Task Given_a_429_with_retry_after_as_a_date_When_delivered_Then_it_waits_until_that_date()
    {
        sendGrid.Then(HttpStatusCode.TooManyRequests, r => r.Headers.TryAddWithoutValidation("Retry-After", Now.AddSeconds(12).ToString("R")))
            .Then(HttpStatusCode.Accepted);

        await Delivery().DeliverAsync(Message);

        waits.ShouldBe([TimeSpan.FromSeconds(12)]);
    }

    [Fact]
    public async Task Given_a_429_with_only_the_rate_limit_reset_When_delivered_Then_it_waits_for_the_reset()
    {
        sendGrid.Then(HttpStatusCode.TooManyRequests, r => r.Headers.Add("X-RateLimit-Reset", Now.AddSeconds(5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Then(HttpStatusCode.Accepted);

        await Delivery().DeliverAsync(Message);

        waits.ShouldBe([TimeSpan.FromSeconds(5)]);
    }

    [Fact]
    public async Task Given_503s_and_a_network_failure_When_delivered_Then_it_backs_off_and_succeeds()
    {
        sendGrid.Then(HttpStatusCode.ServiceUnavailable).ThenNetworkFailure().Then(HttpStatusCode.Accepted);

        await Delivery().DeliverAsync(Message);

        waits.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]);
        sendGrid.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Given_sendgrid_keeps_failing_When_delivered_Then_it_stops_after_the_last_attempt_with_a_transient_error()
    {
        for (var i = 0; i < 4; i++)
        {
            sendGrid.Then(HttpStatusCode.InternalServerError);
        }

        var error = await Should.ThrowAsync<EmailDeliveryException>(() => Delivery().DeliverAsync(Message));

        error.IsTransient.ShouldBeTrue();
        error.StatusCode.ShouldBe(500);
        sendGrid.Requests.Count.ShouldBe(4);
        waits.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Given_a_retry_after_beyond_the_cap_When_delivered_Then_it_gives_up_without_waiting()
    {
        sendGrid.Then(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(10)));

        var error = await Should.ThrowAsync<EmailDeliveryException>(() => Delivery().DeliverAsync(Message));

        error.IsTransient.ShouldBeTrue();
        waits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_400_When_delivered_Then_it_fails_at_once_without_the_body_or_the_address()
    {
        const string answer = """{"errors":[{"message":"The to address caseworkers@agency.example.dk is invalid.","field":"personalizations.0.to.0.email","help":null}]}""";
        sendGrid.Then(HttpStatusCode.BadRequest, body: answer);

        var error = await Should.ThrowAsync<EmailDeliveryException>(() => Delivery().DeliverAsync(Message));

        sendGrid.Requests.Count.ShouldBe(1);
        waits.ShouldBeEmpty();
        error.IsTransient.ShouldBeFalse();
        error.StatusCode.ShouldBe(400);
        error.Message.ShouldContain("case-42:7:0");
        error.Message.ShouldContain("HTTP 400");
        error.Message.ShouldContain("personalizations.0.to.0.email");
        error.Message.ShouldNotContain("@");
        error.Message.ShouldNotContain("invalid");
        error.Message.ShouldNotContain("Plain text");
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task Given_another_4xx_When_delivered_Then_it_is_not_retried(HttpStatusCode status)
    {
        sendGrid.Then(status, body: "not json");

        (await Should.ThrowAsync<EmailDeliveryException>(() => Delivery().DeliverAsync(Message))).StatusCode.ShouldBe((int)status);
        sendGrid.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public void Given_no_api_key_When_the_delivery_is_created_Then_configuration_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => new SendGridEmailDelivery(
                new HandlerClients(sendGrid),
                new SendGridOptions { FromAddress = "a@b.org" },
                new InMemoryEmailSendLog()))
            .Message.ShouldContain("Email:SendGrid:ApiKey");
    }
}
