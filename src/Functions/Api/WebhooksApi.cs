using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Email;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Intake;

namespace Reintegration.Functions.Api;

/// <summary>
/// Webhooks from the systems we talk to: intake forms (native JSON over Standard Webhooks, KoboToolbox, Typeform) and
/// SendGrid's delivery events. The sender is authenticated on the raw bytes before anything is parsed; a delivery
/// maps to one case id, so a retried delivery is a duplicate.
/// </summary>
public static class WebhooksApi
{
    private const int MaxIntakeBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/webhooks").WithTags("Webhooks").AllowAnonymous();
        // The signature's timestamp is the sender's real time, so it is checked against the wall clock, not case time.
        hooks.MapPost("/intake/native", (
            HttpContext http,
            StandardWebhookVerifier verifier,
            TimeProvider clock,
            [FromKeyedServices(WallClock.Key)] TimeProvider wall) =>
            IntakeAsync(
                http,
                IntakeSources.Native,
                clock,
                body => verifier.Verify(http.Request.Headers, body.Span, wall.GetUtcNow()),
                body => new IntakeDelivery(http.Request.Headers["webhook-id"].ToString(), NativeIntake.Read(body))));

        hooks.MapPost("/intake/kobo/{form}", (HttpContext http, string form, IntakeOptions options, TimeProvider clock) =>
            options.Kobo.TryGetValue(form, out var kobo)
                ? IntakeAsync(http, IntakeSources.Kobo, clock, _ => KoboIntake.Authenticate(http.Request.Headers, kobo.Authentication), body => KoboIntake.Read(body, kobo.Mapping))
                : Task.FromResult(Problems.Of("unknown-form", "No such form.", $"No Kobo form '{form}' is configured.", StatusCodes.Status404NotFound)));

        hooks.MapPost("/intake/typeform/{form}", (HttpContext http, string form, IntakeOptions options, TimeProvider clock) =>
            options.Typeform.TryGetValue(form, out var typeform)
                ? IntakeAsync(http, IntakeSources.Typeform, clock, body => TypeformSignature.Verify(http.Request.Headers, body.Span, typeform.Secret), body => TypeformIntake.Read(body, typeform.Mapping))
                : Task.FromResult(Problems.Of("unknown-form", "No such form.", $"No Typeform form '{form}' is configured.", StatusCodes.Status404NotFound)));

        hooks.MapPost("/sendgrid/events", SendGridEventsAsync);
        return app;
    }

    private static async Task<IResult> IntakeAsync(
        HttpContext http, string source, TimeProvider clock, Func<ReadOnlyMemory<byte>, AuthenticationResult> authenticate, Func<ReadOnlyMemory<byte>, IntakeDelivery> read)
    {
        var (bytes, tooLarge) = await JsonBody.ReadBytesAsync(http.Request, MaxIntakeBytes);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var auth = authenticate(bytes);
        if (!auth.IsValid)
        {
            return Problems.Of("unauthenticated-sender", "The sender is not authenticated.", auth.Reason, StatusCodes.Status401Unauthorized);
        }

        if (http.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Of("unsupported-media-type", "Send JSON.", "The body must be application/json.", StatusCodes.Status415UnsupportedMediaType, "Content-Type");
        }

        var delivery = read(bytes);
        if (!delivery.Result.Ok)
        {
            return Problems.Invalid([.. delivery.Result.Errors.Select(e => new FieldProblem(e.Field, e.Reason))], "invalid-application");
        }

        if (string.IsNullOrWhiteSpace(delivery.DeliveryId) || delivery.DeliveryId.Length > 200)
        {
            return Problems.Invalid([new FieldProblem("deliveryId", "the delivery has no id to make it idempotent")], "invalid-application");
        }

        var command = IntakeCommands.ToCommand(
            delivery.Result.Form, source, delivery.DeliveryId, clock.GetUtcNow(), delivery.SubmittedAt);
        var result = await http.RequestServices.GetRequiredService<ICaseCommands>().HandleAsync(command, null, http.RequestAborted);
        if (result.Rejection is { } rejection)
        {
            return Problems.Refused(rejection);
        }

        return Results.Accepted($"/api/cases/{command.CaseId}", new CommandAnswer(command.CaseId, Choices.Kebab(result.Outcome), Choices.Kebab(result.State.Stage), result.State.Version));
    }

    /// <summary>A bounce or a drop of one of our e-mails raises an alert on its case (once per SendGrid event).</summary>
    private static async Task<IResult> SendGridEventsAsync(
        HttpContext http, IConfiguration config, ICaseCommands runtime, TimeProvider clock,
        [FromKeyedServices(WallClock.Key)] TimeProvider wall)
    {
        if (config["Email:SendGrid:EventWebhookPublicKey"] is not { Length: > 0 } publicKey)
        {
            return Problems.Of("not-configured", "Event webhook off.", "No SendGrid event webhook key is configured.", StatusCodes.Status404NotFound);
        }

        var (bytes, tooLarge) = await JsonBody.ReadBytesAsync(http.Request, 1024 * 1024);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var headers = http.Request.Headers;
        if (!new SendGridEventSignature(publicKey).IsValid(headers[SendGridEventSignature.SignatureHeader], headers[SendGridEventSignature.TimestampHeader], bytes))
        {
            return Problems.Of("unauthenticated-sender", "The sender is not authenticated.", "The event signature does not verify.", StatusCodes.Status401Unauthorized);
        }

        // A signed post is replayable as it is: only within the tolerance (above SendGrid's 72 hours of retries).
        var maxAge = config.GetValue<TimeSpan?>("Email:SendGrid:EventMaxAge") ?? SendGridOptions.DefaultEventMaxAge;
        if (!SendGridEventSignature.IsFresh(headers[SendGridEventSignature.TimestampHeader], wall.GetUtcNow(), maxAge))
        {
            return Problems.Of(
                "stale-event",
                "The sender is not authenticated.",
                $"The event timestamp is older than {maxAge.TotalHours:0} hours or in the future.",
                StatusCodes.Status401Unauthorized, SendGridEventSignature.TimestampHeader);
        }

        IReadOnlyList<EmailDeliveryFailure> failures;
        try
        {
            failures = SendGridDeliveryEvents.FailuresIn(bytes);
        }
        catch (FormatException)
        {
            return Problems.Invalid([new FieldProblem("$", "must be a JSON array of events")], "malformed-json");
        }

        var raised = 0;
        foreach (var failure in failures.Where(f => CaseIds.IsValid(f.CaseId)))
        {
            var kind = failure.EventType == "dropped" ? AlertKind.EmailDropped : AlertKind.EmailBounced;
            var detail = $"{failure.EventType}: {failure.Reason ?? "no reason given"}";
            var result = await runtime.HandleAsync(new CaseCommand.RaiseAlert(failure.CaseId, $"sendgrid:{failure.EventId ?? failure.EffectId + ":" + failure.EventType}", clock.GetUtcNow(), kind, detail[..Math.Min(detail.Length, 300)]), null, http.RequestAborted);
            raised += result.Outcome == CommandOutcome.Accepted ? 1 : 0;
        }

        return Results.Ok(new { alerts = raised });
    }
}
