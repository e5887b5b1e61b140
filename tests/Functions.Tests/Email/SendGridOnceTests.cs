using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Functions.Email;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Email;

/// <summary>
/// SendGrid takes no idempotency key and effects run at least once: the send log keeps each effect id, so a repeated
/// effect reaches SendGrid once. Run on each send log (in memory, and Azure Tables on Azurite).
/// </summary>
public abstract class SendGridOnceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private readonly ScriptedSendGrid sendGrid = new();

    protected abstract IEmailSendLog Log { get; }

    private static EmailMessage Message(string caseId = "case-42", string effectId = "case-42:7:0") =>
        new("caseworkers@agency.example.dk", "Decision requested", "Plain text", "<p>Html</p>", caseId, effectId);

    private SendGridEmailDelivery Delivery() => new(
        new HandlerClients(sendGrid),
        new SendGridOptions
        {
            ApiKey = "SG.test-key", BaseUrl = "https://sendgrid.test/", FromAddress = "cases@drc.example.org",
        },
        Log,
        new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now),
        (_, _) => Task.CompletedTask);

    private string CaseId { get; } = "case-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Given_an_effect_sendgrid_accepted_When_it_is_delivered_again_Then_sendgrid_is_called_once()
    {
        sendGrid.Then(HttpStatusCode.Accepted).Then(HttpStatusCode.Accepted);
        var message = Message(CaseId, $"{CaseId}:3:0");

        await Delivery().DeliverAsync(message);
        await Delivery().DeliverAsync(message);

        sendGrid.Requests.Count.ShouldBe(1);
        (await Log.StatusAsync(CaseId, message.EffectId, default)).ShouldBe(EmailSendStatus.Sent);
    }

    [Fact]
    public async Task Given_an_effect_When_sendgrid_is_called_Then_sending_is_already_recorded()
    {
        var message = Message(CaseId, $"{CaseId}:4:0");
        EmailSendStatus? duringTheCall = null;
        sendGrid.Then(HttpStatusCode.Accepted, _ =>
            duringTheCall = Log.StatusAsync(CaseId, message.EffectId, default).GetAwaiter().GetResult());

        await Delivery().DeliverAsync(message);

        duringTheCall.ShouldBe(EmailSendStatus.Sending);
    }

    [Fact]
    public async Task Given_an_effect_recorded_as_sending_only_When_delivered_Then_it_is_sent_again_and_recorded_sent()
    {
        // A crash after "sending" was written: SendGrid may or may not have it, and only a new send makes sure.
        var message = Message(CaseId, $"{CaseId}:5:0");
        await Log.RecordAsync(CaseId, message.EffectId, EmailSendStatus.Sending, Now, default);
        sendGrid.Then(HttpStatusCode.Accepted);

        await Delivery().DeliverAsync(message);

        sendGrid.Requests.Count.ShouldBe(1);
        (await Log.StatusAsync(CaseId, message.EffectId, default)).ShouldBe(EmailSendStatus.Sent);
    }

    [Fact]
    public async Task Given_sendgrid_refused_an_effect_When_it_is_delivered_again_Then_it_is_sent_again()
    {
        var message = Message(CaseId, $"{CaseId}:6:0");
        sendGrid.Then(HttpStatusCode.Unauthorized).Then(HttpStatusCode.Accepted);

        await Should.ThrowAsync<EmailDeliveryException>(() => Delivery().DeliverAsync(message));
        (await Log.StatusAsync(CaseId, message.EffectId, default)).ShouldBe(EmailSendStatus.Sending);
        await Delivery().DeliverAsync(message);

        sendGrid.Requests.Count.ShouldBe(2);
        (await Log.StatusAsync(CaseId, message.EffectId, default)).ShouldBe(EmailSendStatus.Sent);
    }

    [Fact]
    public async Task Given_two_effects_one_id_with_characters_keys_refuse_When_each_is_sent_twice_Then_each_goes_once()
    {
        sendGrid.Then(HttpStatusCode.Accepted).Then(HttpStatusCode.Accepted);
        var first = Message(CaseId, $"{CaseId}:7:0");
        var odd = Message(CaseId, $"{CaseId}/#?\\:7:1");

        await Delivery().DeliverAsync(first);
        await Delivery().DeliverAsync(odd);
        await Delivery().DeliverAsync(first);
        await Delivery().DeliverAsync(odd);

        sendGrid.Requests.Count.ShouldBe(2);
        (await Log.StatusAsync(CaseId, odd.EffectId, default)).ShouldBe(EmailSendStatus.Sent);
        (await Log.StatusAsync(CaseId, $"{CaseId}:7:2", default)).ShouldBeNull();
    }
}

public sealed class InMemorySendGridOnceTests : SendGridOnceTests
{
    protected override IEmailSendLog Log { get; } = new InMemoryEmailSendLog();
}

[Collection(AzuriteAppCollection.Name)]
public sealed class AzuriteSendGridOnceTests(AzuriteApp azurite) : SendGridOnceTests, IAsyncLifetime
{
    private readonly TableEmailSendLog log =
        new(azurite.Azurite.Account.Table("emailsends" + Guid.NewGuid().ToString("N")[..8]));

    protected override IEmailSendLog Log => log;

    public async Task InitializeAsync() => await log.Table.CreateIfNotExistsAsync();

    public async Task DisposeAsync() => await log.Table.DeleteAsync();
}

/// <summary>The app as deployed (SendGrid, in-memory storage) sends over its named HttpClient, once each.</summary>
public sealed class SendGridInTheAppTests : IDisposable
{
    private readonly ScriptedSendGrid sendGrid = new();
    private readonly SendGridApp app;

    public SendGridInTheAppTests() => app = new SendGridApp(sendGrid);

    [Fact]
    public async Task Given_the_production_app_When_an_effect_is_delivered_twice_Then_its_HttpClient_calls_once()
    {
        sendGrid.Then(HttpStatusCode.Accepted).Then(HttpStatusCode.Accepted);
        var delivery = app.Get<IEmailDelivery>();
        var message = new EmailMessage("a@agency.example", "Subject", "Text", "<p>Html</p>", "case-a", "case-a:1:0");

        await delivery.DeliverAsync(message);
        await delivery.DeliverAsync(message);

        delivery.ShouldBeOfType<SendGridEmailDelivery>();
        var request = sendGrid.Requests.ShouldHaveSingleItem();
        request.Uri.AbsoluteUri.ShouldBe("https://api.sendgrid.com/v3/mail/send");
        request.Authorization.ShouldBe("Bearer SG.test-only");
    }

    public void Dispose() => app.Dispose();

    private sealed class SendGridApp(ScriptedSendGrid sendGrid) : ProductionAppFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddHttpClient(SendGridEmailDelivery.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => sendGrid);
    }
}
