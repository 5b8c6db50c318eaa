using Portal.Domain.Audits;
using Portal.Domain.Audits.Exclusions;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Terms;

namespace Portal.Domain.Tests.Audits;

public sealed class ClaimingAnExclusionTests
{
    private static readonly TermsCalendar Calendar = TermsCalendar.Default;
    private static readonly ContractActor Cpo = new("cpo-1", "Carla CPO");
    private static readonly ContractActor Officer = new("officer-1", "Olaf Officer");
    private static readonly EvseRef Evse1 = new("LOC1", "EVSE1");
    private static readonly EvseRef Evse2 = new("LOC1", "EVSE2");

    // An outage on Tuesday 14 April 2026, 08:00-12:00 UTC (10:00-14:00 Dutch summer time).
    private static readonly DateTime From = new(2026, 4, 14, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Until = new(2026, 4, 14, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime InMay = new(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc);

    private static ExclusionClaim Grid(DateTime? now = null, params EvseRef[] evses) =>
        ExclusionClaim.File(Guid.NewGuid(), Guid.NewGuid(), new ExclusionClaimDetails(ExclusionCategory.GridSupplyInterruption, From, Until, "Storing Liander", GridOperatorReference: "LIA-2026-0412"),
            evses.Length == 0 ? [Evse1, Evse2] : evses, [], Cpo, now ?? InMay, Calendar);

    private static DomainRule? RuleOf(Action act) => Assert.Throws<DomainRuleViolated>(act).Rule;

    [Fact]
    public void AnOutageInApril_MayBeClaimedUntil19May2026_PastLiberationDayAscensionAndTheDayAfter()
    {
        // Period: April 2026, last day Thu 30 April. Working days after it: Fri 1 May (1), Mon 4 (2), Tue 5 May is
        // Liberation Day (skipped), Wed 6 (3), Thu 7 (4), Fri 8 (5), Mon 11 (6), Tue 12 (7), Wed 13 (8),
        // Thu 14 May is Ascension Day (Easter 5 April + 39, skipped), Fri 15 May equated by the decree of 2026
        // (skipped), Mon 18 (9), Tue 19 (10).
        Assert.Equal(new DateOnly(2026, 5, 19), ExclusionClaimDeadline.For(Until, Calendar));
    }

    [Fact]
    public void AnOutageEndingAtMidnightOnTheFirst_BelongsToTheMonthBefore()
    {
        // 1 May 2026 00:00 Dutch time = 30 April 22:00 UTC: the end is exclusive, so the period is April (deadline as above).
        Assert.Equal(new DateOnly(2026, 5, 19), ExclusionClaimDeadline.For(new DateTime(2026, 4, 30, 22, 0, 0, DateTimeKind.Utc), Calendar));
        // One minute later it ended in May: last day Sun 31 May; Mon 1 Jun (1) .. Fri 5 (5), Mon 8 (6) .. Fri 12 Jun (10).
        Assert.Equal(new DateOnly(2026, 6, 12), ExclusionClaimDeadline.For(new DateTime(2026, 4, 30, 22, 1, 0, DateTimeKind.Utc), Calendar));
    }

    [Fact]
    public void OnTheDeadline_TheClaimIsFiled_TheDayAfter_ItIsRefused()
    {
        // 19 May 2026 23:30 Dutch time = 21:30 UTC is still the 19th; 22:30 UTC is 00:30 on the 20th.
        var claim = Grid(new DateTime(2026, 5, 19, 21, 30, 0, DateTimeKind.Utc));
        Assert.Equal(ExclusionClaimState.Claimed, claim.State);
        Assert.Equal(new DateOnly(2026, 5, 19), claim.Deadline);

        var refused = Assert.Throws<DomainRuleViolated>(() => Grid(new DateTime(2026, 5, 19, 22, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(DomainRule.ExclusionDeadlinePassed, refused.Rule);
        Assert.Equal(new DateOnly(2026, 5, 19), refused.Arguments[0]);
    }

    [Fact]
    public void AReversedOrFutureInterval_IsRefused()
    {
        Assert.Equal(DomainRule.ExclusionIntervalReversed, RuleOf(() => ExclusionClaim.File(Guid.NewGuid(), Guid.NewGuid(),
            new ExclusionClaimDetails(ExclusionCategory.GridSupplyInterruption, Until, From, null, GridOperatorReference: "X"), [Evse1], [], Cpo, InMay, Calendar)));
        Assert.Equal(DomainRule.ExclusionIntervalReversed, RuleOf(() => ExclusionClaim.File(Guid.NewGuid(), Guid.NewGuid(),
            new ExclusionClaimDetails(ExclusionCategory.GridSupplyInterruption, From, From, null, GridOperatorReference: "X"), [Evse1], [], Cpo, InMay, Calendar)));
        // Filed at 11:00 UTC while the claimed outage runs until 12:00.
        Assert.Equal(DomainRule.ExclusionIntervalInFuture, RuleOf(() => Grid(new DateTime(2026, 4, 14, 11, 0, 0, DateTimeKind.Utc))));
    }

    [Fact]
    public void NoEvses_OrAWholeLocation_IsRefused()
    {
        Assert.Equal(DomainRule.ExclusionNoEvses, RuleOf(() => ExclusionClaim.File(Guid.NewGuid(), Guid.NewGuid(),
            new ExclusionClaimDetails(ExclusionCategory.GridSupplyInterruption, From, Until, null, GridOperatorReference: "X"), [], [], Cpo, InMay, Calendar)));
        Assert.Equal(DomainRule.ExclusionEvseMissingUid, RuleOf(() => Grid(InMay, new EvseRef("LOC1", null))));
    }

    [Theory]
    [InlineData(ExclusionCategory.GridSupplyInterruption, "E1")]
    [InlineData(ExclusionCategory.ThirdPartyDamage, "E2")]
    [InlineData(ExclusionCategory.ForceMajeure, "E3")]
    [InlineData(ExclusionCategory.AuthorityOrderedWorks, "E4")]
    [InlineData(ExclusionCategory.PlannedMaintenance, "E5")]
    public void EachCategory_NeedsItsOwnEvidence_AndNotAnothers(ExclusionCategory category, string code)
    {
        // Every evidence field but the category's own: still missing.
        var others = new ExclusionClaimDetails(category, From, Until, "x",
            GridOperatorReference: category == ExclusionCategory.GridSupplyInterruption ? null : "DSO-1",
            IncidentNumber: category == ExclusionCategory.ThirdPartyDamage ? null : "PL-1",
            DeclarationReference: category == ExclusionCategory.ForceMajeure ? null : "Stcrt-1",
            MunicipalTicket: category == ExclusionCategory.AuthorityOrderedWorks ? null : "GEM-1",
            MaintenanceWindowId: category == ExclusionCategory.PlannedMaintenance ? null : Guid.NewGuid(),
            MaintenanceNotice: category == ExclusionCategory.PlannedMaintenance ? null : "Aangekondigd");
        var refused = Assert.Throws<DomainRuleViolated>(() => ExclusionClaim.File(Guid.NewGuid(), Guid.NewGuid(), others, [Evse1], [Photo()], Cpo, InMay, Calendar));
        Assert.Equal(DomainRule.ExclusionEvidenceMissing, refused.Rule);
        Assert.Equal(code, refused.Arguments[0]);
    }

    [Fact]
    public void Damage_NeedsPhotos_AsWellAsTheIncidentNumber()
    {
        var details = new ExclusionClaimDetails(ExclusionCategory.ThirdPartyDamage, From, Until, "Aanrijding", IncidentNumber: "PL0600-2026041401");
        Assert.Equal(DomainRule.ExclusionPhotosMissing, RuleOf(() => ExclusionClaim.File(Guid.NewGuid(), Guid.NewGuid(), details, [Evse1], [], Cpo, InMay, Calendar)));

        var claim = ExclusionClaim.File(Guid.NewGuid(), Guid.NewGuid(), details, [Evse1], [Photo(), Photo()], Cpo, InMay, Calendar);
        Assert.Equal(2, claim.Photos.Count);
    }

    [Fact]
    public void ApprovingInPart_TakesASubIntervalAndSomeEvses_AndRecordsIt()
    {
        var claim = Grid();
        var partFrom = From.AddHours(1);   // 09:00-11:00 UTC: two of the four claimed hours
        var partUntil = Until.AddHours(-1);

        claim.ApprovePart(partFrom, partUntil, [Evse2], "Liander meldt herstel om 11:00", Officer, InMay.AddDays(1));

        Assert.Equal(ExclusionClaimState.PartlyApproved, claim.State);
        var approved = Assert.Single(claim.Approved());
        Assert.Equal((Evse2, partFrom, partUntil, ExclusionCategory.GridSupplyInterruption), (approved.Evse, approved.FromUtc, approved.UntilUtc, approved.Category));
        Assert.Equal([ExclusionClaimStepKind.Claimed, ExclusionClaimStepKind.PartlyApproved], claim.Steps.Select(s => s.Kind));
        Assert.Equal(("officer-1", "Olaf Officer"), (claim.Steps[^1].ByUserId, claim.Steps[^1].ByName));
        Assert.Equal("Liander meldt herstel om 11:00", claim.DecisionReason);
    }

    [Fact]
    public void APartOutsideTheClaim_OrTheWholeClaim_IsRefused()
    {
        var claim = Grid();
        Assert.Equal(DomainRule.ExclusionPartNotInside, RuleOf(() => claim.ApprovePart(From.AddMinutes(-1), Until, [Evse1], "r", Officer, InMay)));
        Assert.Equal(DomainRule.ExclusionPartNotInside, RuleOf(() => claim.ApprovePart(From, Until.AddMinutes(1), [Evse1], "r", Officer, InMay)));
        Assert.Equal(DomainRule.ExclusionPartNotInside, RuleOf(() => claim.ApprovePart(From, Until, [new EvseRef("LOC9", "EVSE9")], "r", Officer, InMay)));
        Assert.Equal(DomainRule.ExclusionPartNotInside, RuleOf(() => claim.ApprovePart(From, Until, [], "r", Officer, InMay)));
        Assert.Equal(DomainRule.ExclusionIntervalReversed, RuleOf(() => claim.ApprovePart(Until, From, [Evse1], "r", Officer, InMay)));
        Assert.Equal(DomainRule.ExclusionPartNotSmaller, RuleOf(() => claim.ApprovePart(From, Until, [Evse1, Evse2], "r", Officer, InMay)));
        Assert.Equal(ExclusionClaimState.Claimed, claim.State);
        Assert.Empty(claim.Approved());
    }

    [Fact]
    public void EveryDecision_NeedsAReason()
    {
        var claim = Grid();
        Assert.Equal(DomainRule.ExclusionReasonMissing, RuleOf(() => claim.Approve(" ", Officer, InMay)));
        Assert.Equal(DomainRule.ExclusionReasonMissing, RuleOf(() => claim.Reject(null, Officer, InMay)));
        Assert.Equal(DomainRule.ExclusionReasonMissing, RuleOf(() => claim.ApprovePart(From, Until.AddHours(-1), [Evse1], "", Officer, InMay)));
    }

    [Fact]
    public void ADecidedClaim_IsFrozen()
    {
        var approved = Grid();
        approved.Approve("Storing bevestigd door Liander", Officer, InMay);
        Assert.Equal(2, approved.Approved().Count);
        Assert.Equal(DomainRule.ExclusionAlreadyDecided, RuleOf(() => approved.Reject("toch niet", Officer, InMay)));
        Assert.Equal(DomainRule.ExclusionAlreadyDecided, RuleOf(() => approved.Approve("nogmaals", Officer, InMay)));

        var rejected = Grid();
        rejected.Reject("Geen storing bekend bij Liander", Officer, InMay);
        Assert.Equal(DomainRule.ExclusionAlreadyDecided, RuleOf(() => rejected.ApprovePart(From, Until.AddHours(-1), [Evse1], "deels", Officer, InMay)));
        Assert.Empty(rejected.Approved());
        Assert.Equal(ExclusionClaimState.Rejected, rejected.State);
    }

    [Fact]
    public void ACandidate_IsConfirmedWithTheNotice_ThenDecided_OrDismissed()
    {
        var windowId = Guid.NewGuid();
        var candidate = Propose(windowId);
        Assert.Equal((ExclusionClaimState.Candidate, ExclusionCategory.PlannedMaintenance), (candidate.State, candidate.Category));
        Assert.Equal(ExclusionClaimStepKind.Proposed, Assert.Single(candidate.Steps).Kind);
        Assert.Equal("", candidate.Steps[0].ByUserId);
        Assert.Equal(DomainRule.ExclusionIsACandidate, RuleOf(() => candidate.Approve("ok", Officer, InMay)));
        Assert.Equal(DomainRule.ExclusionEvidenceMissing, RuleOf(() => candidate.Confirm(" ", Cpo, InMay)));

        candidate.Confirm("Aangekondigd op 1 april via de OCPI-status_schedule en per mail", Cpo, InMay);
        Assert.Equal(ExclusionClaimState.Claimed, candidate.State);
        Assert.Equal(DomainRule.ExclusionNotACandidate, RuleOf(() => candidate.Dismiss(null, Cpo, InMay)));
        candidate.Approve("Binnen het aangekondigde venster", Officer, InMay);
        Assert.Equal(windowId, candidate.MaintenanceWindowId);

        var dismissed = Propose(Guid.NewGuid());
        dismissed.Dismiss("Geen onderhoud uitgevoerd", Cpo, InMay);
        Assert.Equal(ExclusionClaimState.Dismissed, dismissed.State);
        Assert.Equal(DomainRule.ExclusionNotACandidate, RuleOf(() => dismissed.Confirm("alsnog", Cpo, InMay)));
        Assert.Equal(DomainRule.ExclusionAlreadyDecided, RuleOf(() => dismissed.Approve("ok", Officer, InMay)));
    }

    [Fact]
    public void ACandidate_ConfirmedAfterItsDeadline_IsRefused()
    {
        var candidate = Propose(Guid.NewGuid());
        // Deadline 19 May 2026 (see above); 20 May 08:00 UTC is past it.
        Assert.Equal(DomainRule.ExclusionDeadlinePassed, RuleOf(() => candidate.Confirm("Aangekondigd", Cpo, new DateTime(2026, 5, 20, 8, 0, 0, DateTimeKind.Utc))));
        Assert.Equal(ExclusionClaimState.Candidate, candidate.State);
    }

    private static ExclusionClaim Propose(Guid windowId) =>
        ExclusionClaim.Propose(Guid.NewGuid(), Guid.NewGuid(), Evse1, From, Until, ExclusionClaimSource.MaintenanceWindow, $"window:{windowId}", windowId, null,
            "Meter vervangen", From.AddDays(-10), Calendar);

    private static ExclusionPhotoFile Photo() => new("schade.jpg", "image/jpeg", 120_000, Guid.NewGuid().ToString("N"));
}
