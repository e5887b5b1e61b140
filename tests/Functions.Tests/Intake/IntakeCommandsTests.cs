using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Functions.Intake;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Intake;

public class IntakeCommandsTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 20, 9, 42, 5, TimeSpan.Zero);

    private static IntakeForm Form() => NativeIntake.Read(IntakeExamples.Bytes(IntakeExamples.Application)).Form!;

    [Fact]
    public void Same_delivery_twice_maps_to_the_same_case_and_command_ids()
    {
        var first = IntakeCommands.ToCommand(Form(), IntakeSources.Kobo, "2356cbbe-c1fd-414d-85c8-84f33e92618a", Received);
        var retry = IntakeCommands.ToCommand(Form(), IntakeSources.Kobo, "2356cbbe-c1fd-414d-85c8-84f33e92618a", Received.AddSeconds(600));

        retry.CaseId.ShouldBe(first.CaseId);
        retry.CommandId.ShouldBe(first.CommandId);
        first.CaseId.ShouldMatch("^RC-[A-Z2-7]{12}$");
        first.CommandId.ShouldBe($"{first.CaseId}:intake");
    }

    /// <summary>Pinned (computed independently: RFC 4648 base32 of SHA-256 of "4:kobo|&lt;id&gt;"), as cases already stored depend on it.</summary>
    [Fact]
    public void Case_id_derivation_is_pinned_so_a_change_cannot_go_unnoticed() =>
        IntakeCommands.CaseIdFor(IntakeSources.Kobo, "2356cbbe-c1fd-414d-85c8-84f33e92618a").ShouldBe("RC-HPYWUB5VZQNI");

    [Theory]
    [InlineData("kobo", "a", "typeform", "a")]
    [InlineData("kobo", "a", "kobo", "b")]
    [InlineData("kobo:x", "y", "kobo", "x:y")]
    public void Different_deliveries_or_sources_map_to_different_cases(string source1, string id1, string source2, string id2) =>
        IntakeCommands.CaseIdFor(source1, id1).ShouldNotBe(IntakeCommands.CaseIdFor(source2, id2));

    [Fact]
    public void Command_carries_the_form_and_the_time_received()
    {
        var form = Form();
        var command = IntakeCommands.ToCommand(form, IntakeSources.Native, "msg_2Qk9", Received);

        command.At.ShouldBe(Received);
        (command.ProgrammeId, command.Applicant, command.FamilyMembers, command.Nationality, command.CountryOfReturn)
            .ShouldBe((form.ProgrammeId, form.Applicant, form.FamilyMembers, form.Nationality, form.CountryOfReturn));
        (command.ReturnType, command.PartnerId, command.ConsentToShareWithPartner, command.Facts, command.Language, command.CounsellingNote)
            .ShouldBe((form.ReturnType, form.PartnerId, form.ConsentToShareWithPartner, form.EligibilityFacts, form.Language, form.CounsellingNote));
    }

    [Fact]
    public async Task Kobo_submission_delivered_twice_makes_one_case()
    {
        var system = new InMemoryCaseSystem(Received);
        var body = IntakeExamples.Bytes(DrcKoboForm.Submission().ToJsonString());

        var outcomes = new List<CommandOutcome>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var delivery = KoboIntake.Read(body, DrcKoboForm.Mapping());
            var command = IntakeCommands.ToCommand(delivery.Result.Form!, IntakeSources.Kobo, delivery.DeliveryId!, system.Now);
            outcomes.Add((await system.HandleAsync(command)).Outcome);
            system.Clock.AdvanceTo(system.Now.AddSeconds(60));
        }

        outcomes.ShouldBe([CommandOutcome.Accepted, CommandOutcome.Duplicate]);
    }

    [Fact]
    public void Empty_source_or_delivery_id_is_a_programming_error()
    {
        Should.Throw<ArgumentException>(() => IntakeCommands.CaseIdFor("", "x"));
        Should.Throw<ArgumentException>(() => IntakeCommands.CaseIdFor("kobo", ""));
    }
}
