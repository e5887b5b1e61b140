using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;

namespace Reintegration.Domain.Workflow;

/// <summary>
/// Collects a decision's events and effects and numbers the effects deterministically
/// (<c>caseId:nextVersion:index</c>), so a re-run effect is recognised by its id.
/// </summary>
internal sealed class DecisionBuilder(CaseState state, Programme programme, CaseCommand command)
{
    private readonly List<CaseEvent> events = [];
    private readonly List<Func<string, CaseEffect>> effects = [];

    public CaseState State => state;

    /// <summary>The case's version once this decision's events so far are applied.</summary>
    public int Version => (int)state.Version + events.Count;

    public DecisionBuilder Then(CaseEvent @event)
    {
        events.Add(@event);
        return this;
    }

    public DecisionBuilder Email(EmailTemplate template, RecipientRole recipient, params LinkIntent[] links) =>
        Email(template, recipient, round: null, links);

    /// <summary>An e-mail with the round it tells of, for the composer to read its free text from the case.</summary>
    public DecisionBuilder Email(EmailTemplate template, RecipientRole recipient, int? round, params LinkIntent[] links)
    {
        var language = recipient switch
        {
            RecipientRole.Counsellor => state.File?.Language ?? programme.Language,
            RecipientRole.Agency => programme.Language,
            _ => "en",
        };
        effects.Add(id => new CaseEffect.SendEmail(id, state.CaseId, template, recipient, language, links, round));
        return this;
    }

    /// <summary>Tells the case's partner; the builder drops it while consent is missing.</summary>
    public DecisionBuilder Partner(PartnerNotice notice, params LinkIntent[] links)
    {
        if (state.File?.PartnerId is { } partnerId)
        {
            var language = programme.PartnerById(partnerId)?.Language ?? "en";
            effects.Add(id => new CaseEffect.NotifyPartner(id, state.CaseId, partnerId, notice, language, links));
        }

        return this;
    }

    /// <summary>Sets a timer; one due before the command's own time fires at once instead (never in the past).</summary>
    public DecisionBuilder Timer(TimerKind kind, int round, DateTimeOffset dueAt)
    {
        var due = dueAt < command.At ? command.At : dueAt;
        effects.Add(id => new CaseEffect.ScheduleTimer(id, new CaseTimer(state.CaseId, kind, round, due)));
        return this;
    }

    public DecisionBuilder EraseHistory()
    {
        effects.Add(id => new CaseEffect.ErasePersonalHistory(id, state.CaseId));
        return this;
    }

    /// <summary>A decision that begins a wait sets its reminder, its first escalation and its end.</summary>
    private void StartWait()
    {
        var after = events.Aggregate(state, CaseEvolution.Evolve);
        if (after.WaitSince == state.WaitSince
            || WaitingStages.Of(after.Stage) is not { } wait
            || WaitingStages.StartedAt(after, programme) is not { } started)
        {
            return;
        }

        var settings = programme.Deadlines.Waits.For(wait.Kind);
        Timer(wait.Reminder, Version, started.AddDays(settings.ReminderAfterDays))
            .Timer(wait.Escalation, Version, started.AddDays(settings.EscalationAfterDays))
            .Timer(wait.End, Version, started.AddDays(settings.EndAfterDays));
    }

    public LinkIntent Link(LinkAction action, int round) =>
        new(action, round, command.At.AddDays(programme.Deadlines.LinkValidityDays));

    public Decision Build()
    {
        if (events.Count == 0)
        {
            return Decision.Nothing;
        }

        StartWait();

        // Every closure starts the retention period; the timer erases the person's data if the case is still closed then.
        if (events.LastOrDefault(e => e is CaseEvent.CaseClosed or CaseEvent.EligibilityDecided { Eligible: false }) is { } closed)
        {
            Timer(TimerKind.RetentionErasure, (int)(state.Version + events.Count), closed.At.AddMonths(programme.Deadlines.RetentionMonthsAfterClosure));
        }

        var consent = state.ConsentToShareWithPartner
            || events.OfType<CaseEvent.ConsentRecorded>().Any()
            || events.OfType<CaseEvent.ApplicationSubmitted>().Any(e => e.File.ConsentToShareWithPartner);
        var built = effects
            .Select((make, index) => make($"{state.CaseId}:{state.Version + 1}:{index}"))
            .Where(effect => consent || effect is not CaseEffect.NotifyPartner)
            .ToList();
        return new Decision(events, built, null);
    }
}
