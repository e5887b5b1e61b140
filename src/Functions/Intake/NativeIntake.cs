namespace Reintegration.Functions.Intake;

/// <summary>
/// Our own intake schema, posted as a Standard Webhooks message: verify the signature with
/// <see cref="StandardWebhookVerifier"/> first; the delivery id is the <c>webhook-id</c> header.
/// </summary>
public static class NativeIntake
{
    public static IntakeResult Read(ReadOnlyMemory<byte> body)
    {
        using var document = IntakeJson.Parse(body, out var error);
        return document is null ? IntakeResult.Failure([error!]) : IntakeFormReader.Read(document.RootElement);
    }
}
