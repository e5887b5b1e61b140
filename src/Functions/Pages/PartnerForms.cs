using System.Globalization;
using Reintegration.Domain.Cases;
using Reintegration.Functions.Api;
using Reintegration.Functions.Localization;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages;

/// <summary>The partner's forms: the post-arrival request with the arrival confirmation, and the monthly monitoring report.</summary>
public static class PartnerForms
{
    public static string Arrival(CaseState state, Words w)
    {
        var package = state.PostArrival;
        var prepare = package is null || package.Services.Count == 0
            ? $"<p>{E(w["prepare.none"])}</p>"
            : $"<ul>{string.Concat(package.Services.Select(s => $"<li>{E(w.Choice("service", Choices.Kebab(s)))}</li>"))}</ul>" +
              (package.EstimatedValue is { } value ? $"<p>{E(w.Format("prepare.value", value))}</p>" : string.Empty) +
              (package.Notes is { Length: > 0 } notes ? $"<p>{E(w.Format("prepare.notes", notes))}</p>" : string.Empty);
        var departure = state.Departure?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"<h2>{E(w["prepare"])}</h2>{prepare}" +
            $"<h2>{E(w["travel"])}</h2><ul><li>{E(w.Format("departure", departure))}</li>" +
            (state.Flight is { } flight ? $"<li>{E(w.Format("flight", flight))}</li>" : string.Empty) +
            $"<li>{E(w.Format("arriving", state.File!.People))}</li></ul>" +
            (state.File.HasUnaccompaniedMinor ? $"<p class=\"note\">{E(w["unaccompanied"])}</p>" : string.Empty) +
            $"<label for=\"arrivedOn\">{E(w["arrived-on"])}</label><input type=\"date\" id=\"arrivedOn\" name=\"arrivedOn\" required value=\"{departure}\">" +
            $"<button>{E(w["arrival.button"])}</button>";
    }

    public static string Monitoring(int month, int months, Words w)
    {
        string Select(string name) =>
            $"<label for=\"{name}\">{E(w[name])}<span class=\"hint\" id=\"{name}-hint\">{E(w[name + ".hint"])}</span></label>" +
            $"<select id=\"{name}\" name=\"{name}\" required aria-describedby=\"{name}-hint\"><option value=\"\">{E(w["choose"])}</option>" +
            string.Concat(Enum.GetValues<Situation>().Select(s => $"<option value=\"{Choices.Kebab(s)}\">{E(w.Choice("situation", Choices.Kebab(s)))}</option>")) + "</select>";
        return $"<input type=\"hidden\" name=\"month\" value=\"{month}\"><p>{E(w.Format("month", month, months))}</p>" +
            Select("economic") + Select("social") + Select("psychosocial") +
            $"<label for=\"notes\">{E(w["notes"])}</label><textarea id=\"notes\" name=\"notes\" rows=\"4\" maxlength=\"{LinkCommands.MaxNotes}\"></textarea>" +
            $"<label for=\"attachments\">{E(w["attachments"])}<span class=\"hint\" id=\"attachments-hint\">{E(w["attachments.hint"])}</span></label>" +
            "<input type=\"file\" id=\"attachments\" name=\"attachments\" multiple accept=\"image/jpeg,image/png,application/pdf\" aria-describedby=\"attachments-hint\">" +
            $"<button>{E(w["send"])}</button>";
    }
}
