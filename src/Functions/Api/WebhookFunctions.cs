using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Email;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Intake;
using Reintegration.Functions.Orchestration;

namespace Reintegration.Functions.Api;

/// <summary>
/// Webhooks from the systems we talk to: intake forms (native JSON over Standard Webhooks, KoboToolbox, Typeform) and
/// SendGrid's delivery events. The sender is authenticated on the raw bytes before anything is parsed; a delivery
/// maps to one case id, so a retried delivery is a duplicate.
/// </summary>
public sealed class WebhookFunctions
{
    private const int MaxIntakeBytes = 256 * 1024;

    // The signature's timestamp is the sender's real time, so it is checked against the wall clock, not case time.
    [Function("NativeIntake")]
    public Task<IResult> NativeIntakeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/intake/native")] HttpRequest request,
        [DurableClient] DurableTaskClient? client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        var verifier = http.RequestServices.GetRequiredService<StandardWebhookVerifier>();
        var wall = http.RequestServices.GetRequiredKeyedService<TimeProvider>(WallClock.Key);
        return IntakeAsync(
            http, client, IntakeSources.Native,
            body => verifier.Verify(request.Headers, body.Span, wall.GetUtcNow()),
            body => new IntakeDelivery(request.Headers["webhook-id"].ToString(), NativeIntake.Read(body)));
    }

    [Function("KoboIntake")]
    public Task<IResult> KoboIntakeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/intake/kobo/{form}")] HttpRequest request,
        string form, [DurableClient] DurableTaskClient? client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        return http.RequestServices.GetRequiredService<IntakeOptions>().Kobo.TryGetValue(form, out var kobo)
            ? IntakeAsync(
                http, client, IntakeSources.Kobo,
                _ => KoboIntake.Authenticate(request.Headers, kobo.Authentication), body => KoboIntake.Read(body, kobo.Mapping))
            : Task.FromResult(UnknownForm("Kobo", form));
    }

    [Function("TypeformIntake")]
    public Task<IResult> TypeformIntakeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/intake/typeform/{form}")] HttpRequest request,
        string form, [DurableClient] DurableTaskClient? client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        return http.RequestServices.GetRequiredService<IntakeOptions>().Typeform.TryGetValue(form, out var typeform)
            ? IntakeAsync(
                http, client, IntakeSources.Typeform,
                body => TypeformSignature.Verify(request.Headers, body.Span, typeform.Secret),
                body => TypeformIntake.Read(body, typeform.Mapping))
            : Task.FromResult(UnknownForm("Typeform", form));
    }

    [Function("SendGridEvents")]
    public Task<IResult> SendGridEventsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/sendgrid/events")] HttpRequest request,
        [DurableClient] DurableTaskClient? client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var services = request.HttpContext.RequestServices;
        return SendGridEventsAsync(
            request.HttpContext, services.GetRequiredService<IConfiguration>(),
            services.GetRequiredService<ICaseCommandsSource>().For(client), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredKeyedService<TimeProvider>(WallClock.Key));
    }

    private static IResult UnknownForm(string kind, string form) =>
        Problems.Of("unknown-form", "No such form.", $"No {kind} form '{form}' is configured.", StatusCodes.Status404NotFound);

    private static async Task<IResult> IntakeAsync(
        HttpContext http, DurableTaskClient? client, string source, Func<ReadOnlyMemory<byte>, AuthenticationResult> authenticate,
        Func<ReadOnlyMemory<byte>, IntakeDelivery> read)
    {
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
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
        var result = await http.RequestServices.GetRequiredService<ICaseCommandsSource>().For(client)
            .SubmitAsync(command, http.RequestAborted);
        if (result.Rejection is { } rejection)
        {
            return Problems.Refused(rejection);
        }

        return Results.Accepted($"/api/cases/{command.CaseId}", new CommandAnswer(command.CaseId, Choices.Kebab(result.Outcome), Choices.Kebab(result.State.Stage), result.State.Version));
    }

    /// <summary>A bounce or a drop of one of our e-mails raises an alert on its case (once per SendGrid event).</summary>
    private static async Task<IResult> SendGridEventsAsync(
        HttpContext http, IConfiguration config, ICaseCommands runtime, TimeProvider clock, TimeProvider wall)
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
