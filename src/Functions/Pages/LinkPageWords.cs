using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Links;
using Reintegration.Functions.Localization;

namespace Reintegration.Functions.Pages;

/// <summary>
/// Which words an e-mail link page speaks: the caseworker's pages in English or Danish, the partner's also in French
/// and Arabic (the partner's language when the browser states no preference).
/// </summary>
public static class LinkPageWords
{
    private static readonly PageTexts Caseworker = CaseworkerTexts.Texts.With(LinkOutcomeTexts.Texts);
    private static readonly PageTexts Partner = PartnerTexts.Texts.With(LinkOutcomeTexts.Texts);

    public static bool IsPartnerAction(LinkAction action) => action is LinkAction.ConfirmArrival or LinkAction.ReportMonitoring;

    /// <summary>Before the link is known to be valid: the outcome words in any of the four languages.</summary>
    public static Words Outcome(HttpContext http) => LinkOutcomeTexts.Texts.In(PageLanguage.Choose(http, LinkOutcomeTexts.Texts.Languages));

    public static Words For(HttpContext http, LinkAction action, CaseState state, Programme programme)
    {
        if (IsPartnerAction(action))
        {
            var partner = state.File?.PartnerId is { } id ? programme.PartnerById(id) : null;
            return Partner.In(PageLanguage.Choose(http, Partner.Languages, partner?.Language ?? programme.Language));
        }

        // No programme default here: a caseworker's client without Accept-Language gets English (the API's language);
        // the page links to Danish in one click.
        return Caseworker.In(PageLanguage.Choose(http, Caseworker.Languages));
    }

    /// <summary>Why a link no longer applies to the case as it stands, or null when it does: the domain's rule.</summary>
    public static string? Stale(LinkClaims claims, CaseState state, Words w) =>
        LinkRounds.Stale(claims.Action, claims.Round, state) is { } stale ? Refusal(stale, claims, state, w) : null;

    /// <summary>A refusal of the link's command: a stale round in the page's language, else its own sentence.</summary>
    public static string Refusal(Rejection rejection, LinkClaims claims, CaseState state, Words w) =>
        rejection.Code switch
        {
            "decision-round-stale" => w["stale.eligibility"],
            "plan-superseded" => w.Format("stale.plan-superseded", claims.Round, state.Plan?.Version ?? claims.Round),
            "plan-not-pending" => w["stale.plan-decided"],
            "booking-stale" => w["stale.arrival"],
            "monitoring-report-exists" => w.Format("stale.monitoring", claims.Round),
            _ => rejection.Message,
        };
}
