using Microsoft.AspNetCore.Mvc;
using Reintegration.Domain.Cases;

namespace Reintegration.Functions.Api;

/// <summary>
/// A field that failed validation and why: <see cref="Reason"/> in English for the API's Problem Details, and
/// <see cref="Fault"/>, its kind, for a page that says it in the reader's language.
/// </summary>
public sealed record FieldProblem(string Field, string Reason, FieldFault Fault = FieldFault.Invalid);

/// <summary>The kinds of field fault a page words in its own language.</summary>
public enum FieldFault
{
    Invalid,
    Missing,
    NotADate,
    NotAnAmount,
    NotAChoice,
    TooLong,
}

/// <summary>
/// RFC 9457 Problem Details for every refusal: a stable <c>code</c>, the <c>field</c> at fault and, for validation,
/// <c>errors</c> per field. Never a stack trace, never the request's personal data.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://reintegration-serverless.example/problems/";

    public static IResult Invalid(IReadOnlyList<FieldProblem> problems, string code = "invalid-request") =>
        Results.Problem(new ProblemDetails
        {
            Type = TypeBase + code,
            Title = "The request is not valid.",
            Status = StatusCodes.Status400BadRequest,
            Detail = string.Join("; ", problems.Select(p => $"{p.Field}: {p.Reason}")),
            Extensions =
            {
                ["code"] = code,
                ["field"] = problems.Count > 0 ? problems[0].Field : null,
                ["errors"] = problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray()),
            },
        });

    public static IResult Of(string code, string title, string detail, int status, string? field = null) =>
        Results.Problem(new ProblemDetails
        {
            Type = TypeBase + code,
            Title = title,
            Status = status,
            Detail = detail,
            Extensions = { ["code"] = code, ["field"] = field },
        });

    /// <summary>A domain refusal: 404 for an unknown case, 409 when the case's state forbids it, 422 for a broken rule.</summary>
    public static IResult Refused(Rejection rejection) => Of(
        rejection.Code,
        "The case cannot do that.",
        rejection.Message,
        rejection.Code switch
        {
            "case-not-found" => StatusCodes.Status404NotFound,
            // Retry soon: nothing was sent (a webhook sender retries a 503, not a 4xx).
            "case-starting" => StatusCodes.Status503ServiceUnavailable,
            "not-accepted-in-stage" or "case-exists" or "plan-superseded" or "monitoring-report-exists" or "only-lapsed-cases-reopen"
                or "plan-not-pending" or "decision-round-stale" or "booking-stale" or "case-erased" or "case-not-running"
                => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        },
        rejection.Field);

    public static IResult NotFound(string caseId) => Of("case-not-found", "No such case.", $"There is no case {caseId} you may see.", StatusCodes.Status404NotFound);
}
