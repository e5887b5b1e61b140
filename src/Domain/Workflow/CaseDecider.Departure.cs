using Reintegration.Domain.Budget;
using Reintegration.Domain.Calendar;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using static Reintegration.Domain.Cases.CaseCommand;

namespace Reintegration.Domain.Workflow;

/// <summary>Stage 4: departure, the post-arrival package and its deadline; departure without a partner.</summary>
public sealed partial class CaseDecider
{
    private Rejection? BookDeparture(BookDeparture command, DecisionBuilder build)
    {
        var state = build.State;
        var programme = ProgrammeOf(state);
        var today = Deadline.DateOf(command.At);
        if (command.Departure < today)
        {
            return Refuse("departure-in-past", $"The departure {command.Departure:yyyy-MM-dd} is in the past (today is {today:yyyy-MM-dd}).", "departure");
        }

        if (programme.Deadlines.ApplicationBeforeDeparture is { } lead && Deadline.Before(command.Departure, lead) < state.File!.SubmittedOn)
        {
            return Refuse(
                "application-too-late",
                $"The application must come {lead.Days} {lead.Count.ToString().ToLowerInvariant()} days before departure: applied {state.File.SubmittedOn:yyyy-MM-dd}, departure {command.Departure:yyyy-MM-dd}.",
                "departure");
        }

        if (state.Departure == command.Departure && state.Flight == command.Flight)
        {
            return null;
        }

        var booking = state.Booking + 1;
        var latest = Deadline.Before(command.Departure, programme.Deadlines.PostArrivalRequestBeforeDeparture);
        build.Then(new CaseEvent.DepartureBooked(booking, command.Departure, command.Flight, latest, command.At));
        if (state.HasPartner)
        {
            build.Partner(PartnerNotice.DepartureBooked);
            if (state.PostArrival is null && latest >= today)
            {
                build.Timer(TimerKind.PostArrivalReminder, booking, Deadline.StartOf(latest.AddDays(-programme.Deadlines.PostArrivalReminderDaysBeforeDeadline)))
                    .Timer(TimerKind.PostArrivalLastDay, booking, Deadline.StartOf(latest));
            }
        }

        return null;
    }

    private static Rejection? CancelDeparture(CancelDeparture command, DecisionBuilder build)
    {
        build.Then(new CaseEvent.DepartureCancelled(build.State.Booking + 1, command.At))
            .Partner(PartnerNotice.DepartureCancelled);
        return null;
    }

    private Rejection? RequestPostArrival(RequestPostArrival command, DecisionBuilder build)
    {
        var state = build.State;
        var programme = ProgrammeOf(state);
        if (!state.HasPartner)
        {
            return Refuse("no-partner", $"There is no reintegration partner in {state.File!.CountryOfReturn}: no post-arrival package.");
        }

        if (command.Services.Count == 0)
        {
            return Refuse("services-required", "Name at least one service of the post-arrival package.", "services");
        }

        if (command.Services.Contains(PostArrivalService.FamilyReunification) && !state.File!.HasUnaccompaniedMinor)
        {
            return Refuse("family-reunification-needs-unaccompanied-minor", "Family reunification is offered only when an unaccompanied minor is on the case.", "services");
        }

        if (command.EstimatedValue is { } value)
        {
            var cap = programme.Caps.PostArrivalFor(state.File!.ReturnType);
            if (value.Currency != programme.Currency)
            {
                return Refuse("currency-mismatch", $"{programme.Id} pays in {programme.Currency}, not {value.Currency}.", "estimatedValue");
            }

            if (AmountRules.Check(value, "estimatedValue") is { } badAmount)
            {
                return badAmount;
            }

            if (cap is not null && value > programme.Amount(cap.PerPerson) * state.File.People)
            {
                var limit = programme.Amount(cap.PerPerson) * state.File.People;
                return Refuse("post-arrival-over-cap", $"The post-arrival package of {value} is over its cap of {limit} ({state.File.People} × {programme.Amount(cap.PerPerson)}) by {value - limit}.", "estimatedValue");
            }
        }

        var today = Deadline.DateOf(command.At);
        var latest = state.LatestPostArrivalRequest!.Value;
        if (today > latest)
        {
            var period = programme.Deadlines.PostArrivalRequestBeforeDeparture;
            var unit = period.Count == DayCount.Working ? "working days" : "days";
            return Refuse(
                "post-arrival-too-late",
                $"the post-arrival package must be requested at least {period.Days} {unit} before departure: departure {state.Departure:yyyy-MM-dd}, latest request {latest:yyyy-MM-dd}");
        }

        build.Then(new CaseEvent.PostArrivalRequested(command.Services, command.EstimatedValue, command.Notes, command.At))
            .Partner(PartnerNotice.PostArrivalRequested, build.Link(LinkAction.ConfirmArrival, state.Booking));
        return null;
    }

    private static Rejection? RecordConsent(RecordConsent command, DecisionBuilder build)
    {
        var state = build.State;
        if (state.ConsentToShareWithPartner)
        {
            return null;
        }

        build.Then(new CaseEvent.ConsentRecorded(command.At));
        if (state.Stage == CaseStage.DepartureBooked)
        {
            // What was held back for want of consent goes to the partner now (scenario 27).
            build.Partner(PartnerNotice.DepartureBooked);
            if (state.PostArrival is not null)
            {
                build.Partner(PartnerNotice.PostArrivalRequested, build.Link(LinkAction.ConfirmArrival, state.Booking));
            }
        }

        return null;
    }

    private Rejection? RecordDeparture(RecordDeparture command, DecisionBuilder build)
    {
        var state = build.State;
        if (state.HasPartner)
        {
            return Refuse("has-partner", "This case has a reintegration partner: the partner confirms the arrival instead.");
        }

        if (command.DepartedOn > Deadline.DateOf(command.At))
        {
            return Refuse("departure-in-future", $"The departure {command.DepartedOn:yyyy-MM-dd} has not happened yet.", "departedOn");
        }

        if (command.DepartedOn < state.File!.SubmittedOn)
        {
            return Refuse(
                "departure-before-application",
                $"The departure {command.DepartedOn:yyyy-MM-dd} is before the application "
                + $"{state.File.SubmittedOn:yyyy-MM-dd}.",
                "departedOn");
        }

        var programme = ProgrammeOf(state);
        var cash = programme.Amount(programme.Caps.CashAtDepartureWithoutPartnerPerPerson) * state.File!.People;
        build.Then(new CaseEvent.DepartureRecorded(command.DepartedOn, cash, command.At));
        return null;
    }

    private static void PostArrivalTimer(CaseTimer timer, DecisionBuilder build, DateTimeOffset at)
    {
        var state = build.State;
        if (state.Stage != CaseStage.DepartureBooked || timer.Round != state.Booking || state.PostArrival is not null || state.WasReminded(timer.Kind, timer.Round))
        {
            return;
        }

        var template = timer.Kind == TimerKind.PostArrivalLastDay ? EmailTemplate.PostArrivalLastDay : EmailTemplate.PostArrivalReminder;
        build.Then(new CaseEvent.ReminderSent(timer.Kind, timer.Round, at))
            .Email(template, RecipientRole.Counsellor);
    }
}
