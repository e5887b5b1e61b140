using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Workflow;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Storage.Tests.Cases;

/// <summary>
/// One contract for every read model the case orchestration projects to: the in-memory one and the one on Azure
/// Tables (run against Azurite). The cases are decided by <see cref="CaseGeneration"/>, as the orchestration does.
/// </summary>
public abstract class ReadModelContract(IReadModelsFactory factory)
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CaseDecider Decider = new(ProgrammeCatalog.Shipped());

    private static CaseCommand.SubmitApplication Intake(string caseId, DateTimeOffset at) => new(
        caseId, $"{caseId}-intake", at, "drc-denmark",
        new Person("Amina", new DateOnly(1990, 3, 14), Relationship.Applicant, false),
        [new Person("Grace", new DateOnly(2016, 9, 9), Relationship.Child, false)], "UG", "UG", ReturnType.Voluntary, null,
        true, EligibilityFacts.Clean(), null, "note with \"quotes\" and ø");

    /// <summary>Decides the commands as a generation would and projects the result, as ProjectCase does.</summary>
    private static async Task<CaseGeneration> ProjectAsync(ReadModels models, params CaseCommand[] commands)
    {
        var generation = CaseGeneration.Start(commands[0].CaseId);
        foreach (var command in commands)
        {
            generation = generation.Receive(Decider, CaseMessage.Of(command));
            generation.Answers[^1].Rejection.ShouldBeNull(command.GetType().Name);
        }

        await models.Cases.ProjectAsync(generation.State, generation.Unprojected);
        var state = generation.State;
        await models.Index.UpsertAsync(CaseSummary.Of(state, Decider.Programmes.Get(state.File!.ProgrammeId), Start));
        return generation;
    }

    [Fact]
    public async Task Projected_then_read_returns_the_snapshot_and_the_events_and_a_second_projection_changes_nothing()
    {
        var models = await factory.CreateAsync();
        var generation = await ProjectAsync(models, Intake("c1", Start));
        await models.Cases.ProjectAsync(generation.State, generation.Unprojected);

        var state = (await models.Cases.ReadAsync("c1")).ShouldNotBeNull();
        state.Stage.ShouldBe(CaseStage.AwaitingDecision);
        state.File!.CounsellingNote.ShouldBe("note with \"quotes\" and ø");
        state.File.FamilyMembers.Single().DateOfBirth.ShouldBe(new DateOnly(2016, 9, 9));
        (await models.Cases.ReadEventsAsync("c1")).Single().Event.ShouldBeOfType<CaseEvent.ApplicationSubmitted>()
            .PreCheck!.Passed.ShouldBeTrue();
        (await models.Cases.ReadAsync("nobody")).ShouldBeNull();
    }

    [Fact]
    public async Task An_older_projection_retried_after_a_newer_one_does_not_set_the_snapshot_back()
    {
        var models = await factory.CreateAsync();
        var first = await ProjectAsync(models, Intake("old1", Start));
        await ProjectAsync(models, Intake("old1", Start), new CaseCommand.DecideEligibility("old1", "old1-decide", Start.AddDays(1), true, null));

        await models.Cases.ProjectAsync(first.State, first.Unprojected);

        var state = (await models.Cases.ReadAsync("old1")).ShouldNotBeNull();
        state.Version.ShouldBe(2);
        state.Stage.ShouldBe(CaseStage.AwaitingDeparture);
        (await models.Cases.ReadEventsAsync("old1")).Select(e => e.Version).ShouldBe([1L, 2L]);
    }

    [Fact]
    public async Task An_older_projection_run_late_after_an_erasure_writes_nothing_back()
    {
        // An activity runs at least once: an old run of a projection, late (its worker stopped, its message visible
        // again a minute on), came after the erasure had redacted the rows and wrote the person's events back.
        var models = await factory.CreateAsync();
        var first = await ProjectAsync(models, Intake("late1", Start));
        await ProjectAsync(models, Intake("late1", Start), new CaseCommand.DecideEligibility("late1", "late1-decide", Start.AddDays(1), true, null));
        await models.Cases.RedactHistoryAsync("late1", PersonalData.Redact);

        (await models.Cases.ProjectAsync(first.State, first.Unprojected)).ShouldBeFalse();

        var events = await models.Cases.ReadEventsAsync("late1");
        events.Select(e => e.Version).ShouldBe([1L, 2L]);
        events.Select(e => e.Event).OfType<CaseEvent.ApplicationSubmitted>().Single()
            .File.Applicant.Name.ShouldBe(PersonalData.Erased);
        (await models.Cases.ReadAsync("late1"))!.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Secrets_are_kept_once_read_back_and_forgotten_by_name_or_all_at_once()
    {
        var models = await factory.CreateAsync();
        const string Name = "⟦00000000000000a1⟧", Note = "⟦00000000000000a2⟧";
        var first = new Dictionary<string, string> { [Name] = "Amina", [Note] = "note" };

        (await models.Cases.KeepSecretsAsync("s1", first)).ShouldBe([Name, Note], ignoreOrder: true);
        (await models.Cases.KeepSecretsAsync("s1", new Dictionary<string, string> { [Name] = "changed" })).ShouldBeEmpty();
        (await models.Cases.ReadSecretsAsync("s1"))[Name].ShouldBe("Amina");

        // Kept together where none is kept yet; where some are, only the others are added, and said to be.
        const string Child = "⟦00000000000000a3⟧";
        (await models.Cases.KeepSecretsAsync("s1", new Dictionary<string, string> { [Name] = "changed", [Child] = "Kato" })).ShouldBe([Child]);
        (await models.Cases.ReadSecretsAsync("s1")).ShouldBe(new Dictionary<string, string> { [Name] = "Amina", [Note] = "note", [Child] = "Kato" }, ignoreOrder: true);
        await models.Cases.ForgetSecretsAsync("s1", [Child]);

        await models.Cases.ForgetSecretsAsync("s1", [Note]);
        (await models.Cases.ReadSecretsAsync("s1")).Keys.ShouldBe([Name]);
        await models.Cases.ForgetSecretsAsync("s1");
        (await models.Cases.ReadSecretsAsync("s1")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Starts_noted_and_not_settled_are_listed_once_older_than_the_cutoff()
    {
        var models = await factory.CreateAsync();
        await models.Cases.NoteStartAsync("n1", Start);
        await models.Cases.NoteStartAsync("n2", Start.AddHours(2));

        (await models.Cases.UnsettledStartsAsync(Start.AddHours(1))).ShouldBe(["n1"]);
        await models.Cases.NoteStartAsync("n1", Start.AddHours(2)); // noted again by a redelivery: young again
        (await models.Cases.UnsettledStartsAsync(Start.AddHours(1))).ShouldBeEmpty();
        await models.Cases.SettleStartAsync("n2");
        await models.Cases.SettleStartAsync("never-noted");
        (await models.Cases.UnsettledStartsAsync(Start.AddHours(3))).ShouldBe(["n1"]);
        (await models.Cases.ReadAsync("n1")).ShouldBeNull("a note is not a case");
    }

    [Fact]
    public async Task Case_index_filters_and_pages()
    {
        var models = await factory.CreateAsync();
        for (var i = 0; i < 7; i++)
        {
            var country = i % 2 == 0 ? "UG" : "SO";
            await ProjectAsync(models, Intake($"list-{i}", Start) with { CountryOfReturn = country, Nationality = country });
        }

        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await models.Index.QueryAsync(new CaseFilter(Country: "UG"), 2, next);
            seen.AddRange(page.Cases.Select(c => c.CaseId));
            next = page.Next;
        }
        while (next is not null);

        seen.ShouldBe(["list-0", "list-2", "list-4", "list-6"], ignoreOrder: true);
        var somalia = await models.Index.QueryAsync(
            new CaseFilter(PartnerId: "so-partner", Stage: CaseStage.AwaitingDecision), 50, null);
        somalia.Cases.Select(c => c.CaseId).ShouldBe(["list-1", "list-3", "list-5"], ignoreOrder: true);
        somalia.Cases.ShouldAllBe(c => c.NextDeadline == new DateOnly(2026, 11, 16));
    }

    [Fact]
    public async Task Erasing_a_closed_case_rewrites_its_stored_events_and_snapshot()
    {
        var models = await factory.CreateAsync();
        await ProjectAsync(
            models, Intake("erase", Start), new CaseCommand.CloseCase("erase", "close", Start, ClosureReason.Withdrawn),
            new CaseCommand.ErasePersonalData("erase", "erase-1", Start));
        await models.Cases.RedactHistoryAsync("erase", PersonalData.Redact);
        await models.Cases.RedactHistoryAsync("erase", PersonalData.Redact);

        var events = await models.Cases.ReadEventsAsync("erase");
        events.Count.ShouldBe(3);
        var submitted = events[0].Event.ShouldBeOfType<CaseEvent.ApplicationSubmitted>();
        submitted.File.Applicant.Name.ShouldBe(PersonalData.Erased);
        submitted.File.CounsellingNote.ShouldBeNull();
        submitted.File.FamilyMembers.Single().IsMinorOn(submitted.File.SubmittedOn).ShouldBeTrue();
        var snapshot = (await models.Cases.ReadAsync("erase")).ShouldNotBeNull();
        snapshot.File!.Applicant.Name.ShouldBe(PersonalData.Erased);
        snapshot.PersonalDataErasedAt.ShouldBe(Start);
    }
}

public sealed class InMemoryReadModelContract() : ReadModelContract(new InMemoryReadModels());

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteReadModelContract(AzuriteFixture azurite)
    : ReadModelContract(new AzuriteReadModels(azurite));
