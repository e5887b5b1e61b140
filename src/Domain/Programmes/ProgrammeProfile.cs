using System.Text.Json;
using Reintegration.Domain.Eligibility;

namespace Reintegration.Domain.Programmes;

/// <summary>Parses and validates a programme profile (JSON text; reading the file is the caller's job).</summary>
public static class ProgrammeProfile
{
    public static Programme Parse(string file, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ProgrammeProfileException([new ProgrammeProfileError(file, "$", $"is not valid JSON: {ex.Message}")]);
        }

        using (document)
        {
            var read = new ProfileReader(file);
            var programme = Read(read, document.RootElement);
            if (read.Errors.Count > 0)
            {
                throw new ProgrammeProfileException(read.Errors);
            }

            return programme;
        }
    }

    private static Programme Read(ProfileReader read, JsonElement root)
    {
        const string at = "$";
        var currencyText = read.String(root, at, "currency");
        if (!CurrencyCode.TryParse(currencyText, out var currency) && currencyText.Length > 0)
        {
            read.Fail("$.currency", $"'{currencyText}' is not a supported currency (DKK, EUR)");
        }

        var returnTypes = read.List(root, at, "returnTypes", (e, path) =>
            e.ValueKind == JsonValueKind.String && Enum.TryParse<ReturnType>(e.GetString(), true, out var t) ? (object)t : Invalid(read, path, "must be voluntary or forced"))
            .Cast<ReturnType>().ToList();
        if (returnTypes.Count == 0)
        {
            read.Fail("$.returnTypes", "must name at least one return type");
        }

        var programme = new Programme(
            Id: read.String(root, at, "id"),
            Name: read.String(root, at, "name"),
            Currency: currency,
            Language: read.String(root, at, "language", "en"),
            ReturnTypes: returnTypes,
            AdultChildrenApplySeparately: read.Flag(root, at, "adultChildrenApplySeparately"),
            Eligibility: ReadEligibility(read, root),
            Caps: ReadCaps(read, root),
            Deadlines: ReadDeadlines(read, root),
            Partners: read.List(root, at, "partners", (e, path) => new Partner(
                read.String(e, path, "id"), read.String(e, path, "name"), read.String(e, path, "country"), read.String(e, path, "language", "en"))),
            Names: ReadNames(read, root));

        foreach (var duplicate in programme.Partners.GroupBy(p => p.Country, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            read.Fail("$.partners", $"names more than one partner for country {duplicate.Key}");
        }

        return programme;
    }

    // "names": { "da": "…", "fr": "…" }: the programme's name in other languages; "name" is the English one.
    private static Dictionary<string, string> ReadNames(ProfileReader read, JsonElement root)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (read.Property(root, "$", "names", required: false) is not { } element)
        {
            return names;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            read.Fail("$.names", "must be an object of language code to name, e.g. { \"da\": \"…\" }");
            return names;
        }

        foreach (var entry in element.EnumerateObject())
        {
            var at = $"$.names.{entry.Name}";
            if (entry.Name is not { Length: 2 } code || !code.All(char.IsAsciiLetterLower))
            {
                read.Fail(at, "must be a two-letter lower-case language code, e.g. da");
            }
            else if (code == "en")
            {
                read.Fail(at, "the English name goes in $.name");
            }
            else if (entry.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(entry.Value.GetString()))
            {
                read.Fail(at, "must be a non-empty string");
            }
            else
            {
                names[code] = entry.Value.GetString()!.Trim();
            }
        }

        return names;
    }

    private static EligibilityPolicy ReadEligibility(ProfileReader read, JsonElement root)
    {
        var element = read.Property(root, "$", "eligibility") ?? default;
        const string at = "$.eligibility";
        var rules = read.Strings(element, at, "rules");
        for (var i = 0; i < rules.Count; i++)
        {
            if (!EligibilityRules.Known.ContainsKey(rules[i]))
            {
                read.Fail($"{at}.rules[{i}]", $"'{rules[i]}' is not a known rule ({string.Join(", ", EligibilityRules.Known.Keys)})");
            }
        }

        return new EligibilityPolicy(
            rules,
            read.Strings(element, at, "allowedResidenceStatuses", required: false),
            read.Strings(element, at, "visaFreeNationalities", required: false));
    }

    private static SupportCaps ReadCaps(ProfileReader read, JsonElement root)
    {
        var element = read.Property(root, "$", "caps") ?? default;
        const string at = "$.caps";
        var postReturn = read.List(element, at, "postReturn", (e, path) => new PostReturnCap(
            read.Enum<ReturnType>(e, path, "returnType", required: false),
            read.OptionalString(e, path, "country"),
            read.Amount(e, path, "perAdult"),
            read.Amount(e, path, "perMinor"),
            read.OptionalAmount(e, path, "cashPerPerson")));
        if (postReturn.Count > 0 && !postReturn.Any(c => c.Country is null))
        {
            read.Fail($"{at}.postReturn", "needs a row without a country (the general cap)");
        }

        return new SupportCaps(
            postReturn,
            read.List(element, at, "postArrival", (e, path) => new PostArrivalCap(
                read.Enum<ReturnType>(e, path, "returnType", required: false), read.Amount(e, path, "perPerson")), required: false),
            read.Amount(element, at, "travelCashPerPerson"),
            read.Amount(element, at, "cashAtDepartureWithoutPartnerPerPerson"));
    }

    private static ProgrammeDeadlines ReadDeadlines(ProfileReader read, JsonElement root)
    {
        var element = read.Property(root, "$", "deadlines") ?? default;
        const string at = "$.deadlines";
        return new ProgrammeDeadlines(
            PostArrivalRequestBeforeDeparture: Period(read, element, at, "postArrivalRequestBeforeDeparture", required: true)!,
            PostArrivalReminderDaysBeforeDeadline: read.Days(element, at, "postArrivalReminderDaysBeforeDeadline"),
            ApplicationBeforeDeparture: Period(read, element, at, "applicationBeforeDeparture", required: false),
            Waits: ReadWaits(read, element, at),
            MonitoringMonths: read.Days(element, at, "monitoringMonths", min: 1, max: 60),
            MonitoringReportOverdueAfterDays: read.Days(element, at, "monitoringReportOverdueAfterDays", min: 1),
            LinkValidityDays: read.Days(element, at, "linkValidityDays", min: 1, max: 90),
            RetentionMonthsAfterClosure: read.Property(element, at, "retentionMonthsAfterClosure", required: false) is null
                ? 24
                : read.Days(element, at, "retentionMonthsAfterClosure", min: 1, max: 240));
    }

    // Stands in for a missing wait; never used, as the profile is then refused with the error that names it.
    private static readonly WaitSettings Unread = new(1, 2, 1, 3);

    private static ProgrammeWaits ReadWaits(ProfileReader read, JsonElement deadlines, string parent)
    {
        var at = $"{parent}.waits";
        if (read.Property(deadlines, parent, "waits") is not { } element)
        {
            return new ProgrammeWaits(Unread, Unread, Unread, Unread, Unread, Unread, Unread);
        }

        var waits = ProgrammeWaits.Names.Select(name => ReadWait(read, element, at, name)).ToList();
        return new ProgrammeWaits(waits[0], waits[1], waits[2], waits[3], waits[4], waits[5], waits[6]);
    }

    private static WaitSettings ReadWait(ProfileReader read, JsonElement waits, string parent, string name)
    {
        var element = read.Property(waits, parent, name);
        var at = $"{parent}.{name}";
        if (element is null)
        {
            return Unread;
        }

        var errorsBefore = read.Errors.Count;
        var wait = new WaitSettings(
            read.Days(element.Value, at, "reminderAfterDays", min: 1),
            read.Days(element.Value, at, "escalationAfterDays", min: 1),
            read.Days(element.Value, at, "escalationEveryDays", min: 1),
            read.Days(element.Value, at, "endAfterDays", min: 1));
        if (read.Errors.Count > errorsBefore)
        {
            return wait;
        }

        // In this order, or a step would never happen: the wait would end before it.
        if (wait.ReminderAfterDays >= wait.EscalationAfterDays)
        {
            read.Fail($"{at}.reminderAfterDays", "must come before escalationAfterDays");
        }

        if (wait.EscalationAfterDays >= wait.EndAfterDays)
        {
            read.Fail($"{at}.escalationAfterDays", "must come before endAfterDays");
        }

        return wait;
    }

    private static DayPeriod? Period(ProfileReader read, JsonElement parent, string at, string name, bool required)
    {
        var element = read.Property(parent, at, name, required);
        if (element is null)
        {
            return required ? new DayPeriod(0, DayCount.Calendar) : null;
        }

        var path = $"{at}.{name}";
        return new DayPeriod(read.Days(element.Value, path, "days", min: 1, max: 365), read.Enum<DayCount>(element.Value, path, "count") ?? DayCount.Calendar);
    }

    private static object? Invalid(ProfileReader read, string path, string reason)
    {
        read.Fail(path, reason);
        return null;
    }
}
