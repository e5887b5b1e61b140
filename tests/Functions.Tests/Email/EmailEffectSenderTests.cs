using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
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

    [Theory]
    [InlineData(false, "Reintegration plan rejected", "Too much on housing;\nmore on the shop, please.")]
    [InlineData(true, "Reintegration plan approved", "Fine, start with the school fees.")]
    public async Task Given_a_plan_decision_When_the_counsellor_is_emailed_Then_it_says_approved_or_rejected_with_the_comment(
        bool approve, string subject, string comment)
    {
        var at = new DateTimeOffset(2027, 2, 6, 10, 0, 0, TimeSpan.Zero);
        var cases = new InMemoryReadModel();
        CaseEvent decision = approve ? new CaseEvent.PlanApproved(2, comment, at) : new CaseEvent.PlanRejected(2, comment, at);
        var earlier = new CaseEvent.PlanRejected(1, "An older comment", at.AddDays(-3));
        await cases.ProjectAsync(CaseState.Empty("case-9") with { Version = 8 }, [new(5, earlier), new(8, decision)]);
        var delivery = new RecordingDelivery();
        var composer = new EmailComposer(EmailComposerTests.Options(), new LinkTokens(LinkTokensTests.Options()));
        var sender = new EmailEffectSender(composer, delivery, cases);
        var template = approve ? EmailTemplate.PlanApproved : EmailTemplate.PlanRejected;

        await sender.SendAsync(new CaseEffect.SendEmail("case-9:8:0", "case-9", template, RecipientRole.Counsellor, "en", [], 2));

        var message = delivery.Delivered.ShouldHaveSingleItem();
        message.To.ShouldBe("counsellors@drc.example.org");
        message.Subject.ShouldBe($"{subject} (Case case-9)");
        message.Text.ShouldContain($"The caseworker's comment:\n{comment}\n");
        message.Text.ShouldNotContain("An older comment");
        message.Html.ShouldContain("The caseworker&#x27;s comment:");
        message.Html.ShouldContain(comment.Replace("'", "&#x27;", StringComparison.Ordinal).Split('\n')[0]);
    }

    [Fact]
    public async Task Given_a_plan_decision_not_yet_in_the_read_model_When_emailed_Then_sending_fails_to_be_retried()
    {
        var delivery = new RecordingDelivery();
        var composer = new EmailComposer(EmailComposerTests.Options(), new LinkTokens(LinkTokensTests.Options()));
        var sender = new EmailEffectSender(composer, delivery, new InMemoryReadModel());
        var effect = new CaseEffect.SendEmail(
            "case-9:8:0", "case-9", EmailTemplate.PlanRejected, RecipientRole.Counsellor, "en", [], 2);

        await Should.ThrowAsync<InvalidOperationException>(() => sender.SendAsync(effect));

        delivery.Delivered.ShouldBeEmpty();
    }
}
