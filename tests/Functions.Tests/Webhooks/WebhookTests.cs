using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Intake;
using Reintegration.Functions.Tests.Intake;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Webhooks;

[Collection(AzuriteAppCollection.Name)]
public sealed class WebhookTests(AzuriteApp azurite)
{
    private AppFactory App => azurite.App;

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static HttpRequestMessage Native(byte[] body, string id, DateTimeOffset at, string? signature = null)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(AzuriteApp.NativeSecret["whsec_".Length..]);
        var signed = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray());
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/intake/native") { Content = Json(body) };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", signature ?? "v1," + Convert.ToBase64String(signed));
        return request;
    }

    private static byte[] NativeBody(string name = "Amina Nakato") => JsonSerializer.SerializeToUtf8Bytes(new
    {
        programmeId = "drc-denmark",
        applicant = new { name, dateOfBirth = "1990-03-14" },
        familyMembers = new[] { new { name = "Grace", dateOfBirth = "2015-06-01", relationship = "child" } },
        nationality = "UG",
        countryOfReturn = "UG",
        returnType = "voluntary",
        consentToShareWithPartner = true,
        eligibilityFacts = new
        {
            residenceStatus = "asylum-finally-refused", wishesToReturnVoluntarily = true, conviction = "none", openResidencePermitCase = false,
            repatriationSupportReceived = false, returnedBeforeThroughProgramme = false, manifestlyUnfoundedProcedure = false, toleratedStay = false,
            enteredToObtainSupport = false, dublinTransferWithoutRegistration = false, hasReturnDecision = true,
        },
    });

    [Fact]
    public async Task Native_intake_signed_creates_one_case_and_a_redelivery_is_a_duplicate()
    {
        var client = App.CreateClient();
        var first = await client.SendAsync(Native(NativeBody(), "msg_native_1", App.Clock.GetUtcNow()));
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var caseId = IntakeCommands.CaseIdFor(IntakeSources.Native, "msg_native_1");
        first.Headers.Location!.ToString().ShouldBe($"/api/cases/{caseId}");
        var again = await client.SendAsync(Native(NativeBody(), "msg_native_1", App.Clock.GetUtcNow()));
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString().ShouldBe("duplicate");
        (await App.VersionAsync(caseId)).ShouldBe(1);
    }

    [Fact]
    public async Task Native_intake_with_a_wrong_missing_or_stale_signature_is_401_and_creates_nothing()
    {
        var client = App.CreateClient();
        var wrong = await client.SendAsync(Native(NativeBody(), "msg_wrong", App.Clock.GetUtcNow(), "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        var stale = await client.SendAsync(Native(NativeBody(), "msg_stale", App.Clock.GetUtcNow().AddMinutes(-10)));
        var missing = new HttpRequestMessage(HttpMethod.Post, "/webhooks/intake/native") { Content = Json(NativeBody()) };
        var unsigned = await client.SendAsync(missing);
        var tampered = Native(NativeBody(), "msg_tampered", App.Clock.GetUtcNow());
        tampered.Content = Json(NativeBody("Someone Else"));
        var changed = await client.SendAsync(tampered);

        foreach (var response in new[] { wrong, stale, unsigned, changed })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        foreach (var id in new[] { "msg_wrong", "msg_stale", "msg_tampered" })
        {
            (await App.NothingOfAsync(IntakeCommands.CaseIdFor(IntakeSources.Native, id))).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Native_intake_with_bad_fields_names_each_and_creates_nothing()
    {
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(NativeBody()).Replace("\"1990-03-14\"", "\"14/03/1990\"", StringComparison.Ordinal).Replace("\"UG\"", "\"Uganda\"", StringComparison.Ordinal));
        var response = await App.CreateClient().SendAsync(Native(body, "msg_bad", App.Clock.GetUtcNow()));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("applicant.dateOfBirth", out _).ShouldBeTrue();
        errors.TryGetProperty("nationality", out _).ShouldBeTrue();
        errors.TryGetProperty("countryOfReturn", out _).ShouldBeTrue();
        (await App.NothingOfAsync(IntakeCommands.CaseIdFor(IntakeSources.Native, "msg_bad"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Kobo_sample_as_posted_creates_a_case_once_by_its_uuid_dated_by_its_submission_time()
    {
        var receivedAt = App.Clock.GetUtcNow();
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"kobo:{AzuriteApp.KoboHeaderValue}")));
        var sample = Samples.Bytes("kobo_submission_n8n-docs.json");
        (await client.PostAsync("/webhooks/intake/kobo/n8n-sample", Json(sample))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var again = await client.PostAsync("/webhooks/intake/kobo/n8n-sample", Json(sample));
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString().ShouldBe("duplicate");
        var caseId = IntakeCommands.CaseIdFor(IntakeSources.Kobo, "2356cbbe-c1fd-414d-85c8-84f33e92618a");
        (await App.Get<ICaseReadModel>().ReadAsync(caseId))!.File!.Applicant.Name.ShouldBe("Test Fields");

        // "_submission_time": "2021-12-05T14:15:44" has no zone: Kobo means UTC. The record keeps it.
        var submitted = (await App.Get<ICaseReadModel>().ReadEventsAsync(caseId)).Select(e => e.Event)
            .OfType<CaseEvent.ApplicationSubmitted>().Single();
        submitted.SubmittedAt.ShouldBe(new DateTimeOffset(2021, 12, 5, 14, 15, 44, TimeSpan.Zero));
        submitted.At.ShouldBe(receivedAt);
        submitted.File.SubmittedOn.ShouldBe(new DateOnly(2021, 12, 5));
        var view = await App.Counsellor.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        view.GetProperty("timeline")[0].GetProperty("detail").GetString()!
            .ShouldContain($"submitted 2021-12-05 14:15 UTC, received {receivedAt:yyyy-MM-dd HH:mm} UTC");
    }

    [Fact]
    public async Task Kobo_sample_against_our_drc_form_mapping_names_each_missing_field_and_creates_nothing()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"kobo:{AzuriteApp.KoboHeaderValue}")));
        var response = await client.PostAsync("/webhooks/intake/kobo/drc-form-for-sample", Json(Samples.Bytes("kobo_submission_n8n-docs.json")));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("applicant.name", out var name).ShouldBeTrue();
        name[0].GetString()!.ShouldContain("applicant/full_name");
        errors.TryGetProperty("applicant.dateOfBirth", out _).ShouldBeTrue();
        errors.TryGetProperty("countryOfReturn", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Kobo_without_the_secret_is_401()
    {
        var response = await App.CreateClient().PostAsync("/webhooks/intake/kobo/n8n-sample", Json(Samples.Bytes("kobo_submission_n8n-docs.json")));
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await App.CreateClient().PostAsync("/webhooks/intake/kobo/no-such-form", Json(Samples.Bytes("kobo_submission_n8n-docs.json")))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Eurp_intake_with_an_adult_child_is_422_as_adult_children_apply_separately()
    {
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(NativeBody())
            .Replace("drc-denmark", "eu-eurp", StringComparison.Ordinal)
            .Replace("\"UG\"", "\"IQ\"", StringComparison.Ordinal)
            .Replace("\"2015-06-01\"", "\"2001-06-01\"", StringComparison.Ordinal));
        var response = await App.CreateClient().SendAsync(Native(body, "msg_adult_child", App.Clock.GetUtcNow()));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()).ShouldBe(("adult-child-applies-separately", "familyMembers[0].dateOfBirth"));
        (await App.NothingOfAsync(IntakeCommands.CaseIdFor(IntakeSources.Native, "msg_adult_child"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Typeform_sample_signed_creates_a_case_and_a_wrong_signature_is_401()
    {
        var sample = Samples.Bytes("typeform_form_response_example.json");
        var good = new HttpRequestMessage(HttpMethod.Post, "/webhooks/intake/typeform/sample") { Content = Json(sample) };
        good.Headers.Add("Typeform-Signature", TypeformSignature.Sign(AzuriteApp.TypeformSecret, sample));
        var response = await App.CreateClient().SendAsync(good);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());

        var bad = new HttpRequestMessage(HttpMethod.Post, "/webhooks/intake/typeform/sample") { Content = Json(sample) };
        bad.Headers.Add("Typeform-Signature", TypeformSignature.Sign("another secret", sample));
        (await App.CreateClient().SendAsync(bad)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sendgrid_signed_event_vector_verifies_and_a_changed_byte_does_not()
    {
        // The vector was signed in 2020: it is sent to an app whose clock stands an hour after that (the tolerance).
        await using var app = new VectorTimeApp();
        var vector = VectorTimeApp.Vector;
        HttpRequestMessage Request(string payload)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/sendgrid/events") { Content = Json(Encoding.UTF8.GetBytes(payload)) };
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", vector.GetProperty("signature").GetString());
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", vector.GetProperty("timestamp").GetString());
            return request;
        }

        // The vector's payload is one event object, not a list: verified, then refused as not a list of events.
        var payload = vector.GetProperty("payload").GetString()!;
        var verified = await app.CreateClient().SendAsync(Request(payload));
        verified.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("malformed-json");
        (await app.CreateClient().SendAsync(Request(payload.Replace("example", "exbmple", StringComparison.Ordinal)))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Today the same signed post is a replay six years old.
        var replayed = await App.CreateClient().SendAsync(Request(payload));
        replayed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("stale-event");
    }
}
