using Portal.Domain.Audits.FieldChecks;
using Portal.Domain.Common;
using Portal.Domain.Contracts.Evidence;

namespace Portal.Domain.Tests.Audits.FieldChecks;

public sealed class FillingInAFieldCheckTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
    private static readonly FieldCheckActor Officer = new("u1", "Olga Officer");
    private static readonly StratumKey Stratum = new("Alfa", "6811", PowerClasses.UpTo11.Code);
    private static readonly Guid ContractId = Guid.NewGuid();

    private static FieldCheckSample Sample()
    {
        var drawn = StratifiedSampling.Draw([new SampleUnit("NL*ALF*1", Stratum), new SampleUnit("NL*ALF*2", Stratum)], 2, 7);
        var requirements = new[]
        {
            new FieldCheckRequirement(ContractId, "CON-1", "elaad-2025", "G-4", "Periodieke veldcontrole"),
            new FieldCheckRequirement(ContractId, "CON-1", "elaad-2025", "G-2", "Veilig"),
        };
        var details = drawn.Units.ToDictionary(u => u.Key, u => new SampledLocationDetails(Guid.NewGuid(), u.Key, "Straat 1, 6811 AA Arnhem", requirements));
        return FieldCheckSample.Record(new FieldCheckScope(Guid.NewGuid(), null), drawn, details, Officer, Now);
    }

    [Fact]
    public void ADrawnSample_KeepsItsSeed_StrataAndAChecklistPerLocation_InRequirementOrder()
    {
        var sample = Sample();

        Assert.Equal((7UL, 2, 2), (sample.SeedValue, sample.Requested, sample.PopulationSize));
        Assert.Equal([1, 2], sample.Locations.Select(l => l.Position).ToArray());
        Assert.Equal([(1, "G-2"), (2, "G-4")], sample.Locations[0].Items.Select(i => (i.Number, i.Code)).ToArray());
        Assert.Equal((1, 2), (sample.Strata.Count, sample.Strata[0].Allocated));
        Assert.Equal(FieldCheckChangeKind.Drawn, Assert.Single(sample.History).Kind);
    }

    [Fact]
    public void CompletingAChecklist_MakesAFindingPerFailedItem_AndFreezesIt()
    {
        var sample = Sample();
        sample.Fill(1, 1, FieldCheckResult.Pass, null, Officer, Now);
        sample.Fill(1, 2, FieldCheckResult.Fail, "  Geen sticker met storingsnummer  ", Officer, Now.AddMinutes(5));

        var findings = sample.Complete(1, Officer, new DateOnly(2026, 12, 7), Now.AddMinutes(10));

        var finding = Assert.Single(findings);
        Assert.Equal((ContractId, ContractFindingKind.FieldCheckFailed, "elaad-2025", "G-4", "Geen sticker met storingsnummer", sample.Id),
            (finding.ContractId, finding.Kind, finding.SetId, finding.Code, finding.Note, finding.FieldCheckSampleId));
        Assert.Equal($"fieldcheck:{sample.Id:N}:1:elaad-2025:G-4", finding.DedupeKey);
        Assert.Equal((1, 0), (sample.CompletedCount, sample.Locations[1].Items.Count(i => i.Result is not null)));
        var frozen = Assert.Throws<DomainRuleViolated>(() => sample.Fill(1, 1, FieldCheckResult.Fail, "later", Officer, Now.AddHours(1)));
        Assert.Equal(DomainRule.FieldCheckCompleted, frozen.Rule);
        Assert.Equal([FieldCheckChangeKind.Drawn, FieldCheckChangeKind.ItemFilled, FieldCheckChangeKind.ItemFilled, FieldCheckChangeKind.Completed],
            sample.History.Select(h => h.Kind).ToArray());
    }

    [Fact]
    public void AChecklist_WithAnItemWithoutResult_CannotBeCompleted()
    {
        var sample = Sample();
        sample.Fill(2, 1, FieldCheckResult.NotApplicable, null, Officer, Now);

        var e = Assert.Throws<DomainRuleViolated>(() => sample.Complete(2, Officer, new DateOnly(2026, 12, 7), Now));

        Assert.Equal((DomainRule.FieldCheckUnanswered, 1), (e.Rule, (int)e.Arguments[0]));
    }

    [Fact]
    public void AFailedItem_NeedsANote()
    {
        var e = Assert.Throws<DomainRuleViolated>(() => Sample().Fill(1, 1, FieldCheckResult.Fail, "  ", Officer, Now));

        Assert.Equal(DomainRule.FieldCheckFailNeedsNote, e.Rule);
    }

    [Fact]
    public void APhoto_IsKeptWithItsItem_AndRecorded()
    {
        var sample = Sample();

        var photo = sample.AddPhoto(1, 2, new FieldCheckFile(@"C:\fotos\paal.jpg", "image/jpeg", 2048, "key1"), Officer, Now);

        Assert.Equal(("paal.jpg", 2), (photo.FileName, photo.ItemNumber));
        Assert.Same(photo, Assert.Single(sample.Locations[0].Photos));
        Assert.Equal(FieldCheckChangeKind.PhotoAdded, sample.History[^1].Kind);
    }
}
