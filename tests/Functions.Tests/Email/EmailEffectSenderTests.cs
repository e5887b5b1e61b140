using Reintegration.Domain.Cases;
using Reintegration.Functions.Email;
using Reintegration.Functions.Links;
using Reintegration.Functions.Tests.Links;

namespace Reintegration.Functions.Tests.Email;

public class EmailEffectSenderTests
{
    private sealed class RecordingDelivery : IEmailDelivery
    {
        public List<EmailMessage> Delivered { get; } = [];

        public Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            Delivered.Add(message);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Given_a_partner_notice_effect_When_sent_Then_the_composed_message_is_delivered()
    {
        var delivery = new RecordingDelivery();
        var sender = new EmailEffectSender(new EmailComposer(EmailComposerTests.Options(), new LinkTokens(LinkTokensTests.Options())), delivery);

        await sender.SendAsync(new CaseEffect.NotifyPartner("case-9:4:0", "case-9", "ug-reach-out", PartnerNotice.DepartureBooked, "en", []));

        var message = delivery.Delivered.ShouldHaveSingleItem();
        message.To.ShouldBe("team@reachout.example.ug");
        message.EffectId.ShouldBe("case-9:4:0");
        message.Subject.ShouldBe("Departure booked (Case case-9)");
    }
}
