using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Domain.Geography;
using static Portal.Domain.Applications.ApplicationStatus;

namespace Portal.Domain.Tests.Applications;

public sealed class ApplicationLifecycleTests
{
    private static readonly Guid Arnhem = Guid.NewGuid();
    private static readonly ApplicationActor Resident = new("resident-1", "Aanvrager");
    private static readonly ApplicationActor Officer = new("officer-1", "Anna de Vries");
    private static readonly DateTime Monday = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Monday);

    private static readonly ApplicationPlace Home = new(
        ApplicationAddress.Create("6811 AB", "12 a"), "Jansstraat", "Arnhem", "Centrum", Coordinate.FromWgs84(51.98, 5.91), PointAdjusted: false);

    private static readonly PreAssessmentResult Favourable = PreAssessment.Run(
        new PreAssessmentInput(Guid.NewGuid(), Home.Point, Home.Address, new ApplicantDeclarations(false, null), [], [], []),
        new EligibilityPolicy(250, 80));

    [Fact]
    public void NewDraft_HoldsTheAddressAndOneHistoryEntry()
    {
        var application = Draft();

        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal("6811AB", application.Postcode);
        Assert.Equal(12, application.HouseNumber);
        Assert.Equal("A", application.HouseNumberAddition);
        Assert.Equal("Centrum", application.District);
        Assert.Single(application.History);
        Assert.Equal(ApplicationChangeKind.Created, application.History[0].Kind);
        Assert.Equal([ApplicationStep.Car, ApplicationStep.Proof, ApplicationStep.Declarations, ApplicationStep.Consent], application.MissingSteps());
    }

    [Fact]
    public void DraftWithEveryStep_HasNothingMissing()
    {
        var application = Complete(Draft());

        Assert.Empty(application.MissingSteps());
    }

    [Fact]
    public void Submitting_WithStepsMissing_NamesThem()
    {
        var application = Draft();
        application.SetCar(DutchLicencePlate.Parse("12abc3"), null, Today, Monday);

        var error = Assert.Throws<DomainRuleViolated>(() => application.Submit(Resident, Favourable, Monday));

        Assert.Equal("Complete these steps first: Proof, Declarations, Consent.", error.Message);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
    }

    [Fact]
    public void Submitting_StartsTheDeadlineAndKeepsTheAdvice()
    {
        var application = Complete(Draft());

        application.Submit(Resident, Favourable, Monday);

        Assert.Equal(Submitted, application.Status);
        Assert.Equal(Monday, application.SubmittedAtUtc);
        Assert.Equal(PreAssessmentAdvice.LikelyApprove, application.Advice);
        Assert.Equal(Favourable.Findings.Count, application.Findings.Count);
        // Eight weeks after 2 March 2026 is 27 April 2026.
        Assert.Equal(new DateTime(2026, 4, 27), application.Deadline(DecisionDeadlineSettings.Default)!.LastDayUtc(Monday));
    }

    [Fact]
    public void Car_IsEitherAPlateOrAnExpectedDate()
    {
        var application = Draft();

        Assert.Throws<DomainRuleViolated>(() => application.SetCar(null, null, Today, Monday));
        Assert.Throws<DomainRuleViolated>(() => application.SetCar(DutchLicencePlate.Parse("12-ABC-3"), Today.AddDays(10), Today, Monday));
        application.SetCar(null, Today.AddDays(30), Today, Monday);

        Assert.True(application.CarIsOrdered);
        Assert.Null(application.LicencePlate);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(367)]
    public void OrderedCar_IsExpectedWithinAYear(int daysFromToday)
    {
        var application = Draft();

        var error = Assert.Throws<DomainRuleViolated>(() => application.SetCar(null, Today.AddDays(daysFromToday), Today, Monday));

        Assert.Equal("An ordered car is expected within a year from today.", error.Message);
    }

    [Fact]
    public void SubmittedApplication_CannotBeEdited()
    {
        var application = SubmittedDraft();

        Assert.Throws<DomainRuleViolated>(() => application.SetDeclarations(true, null, Monday));
        Assert.Throws<DomainRuleViolated>(() => application.AddDocument(DocumentKind.LeaseContract, "lease.pdf", "application/pdf", 1000, "key-2", Resident, Monday));
    }

    [Fact]
    public void AssigningASubmittedApplication_PutsItInAssessment()
    {
        var application = SubmittedDraft();

        application.AssignTo(Officer, Officer, Monday.AddDays(1));

        Assert.Equal(InAssessment, application.Status);
        Assert.Equal("Anna de Vries", application.AssignedOfficerName);
        Assert.Equal(
            [ApplicationChangeKind.Created, ApplicationChangeKind.StatusChanged, ApplicationChangeKind.Assigned, ApplicationChangeKind.StatusChanged],
            application.History.Select(h => h.Kind));
    }

    [Fact]
    public void AskingForInformation_PausesTheDeadlineUntilTheAnswer()
    {
        var application = SubmittedDraft();
        application.AskForInformation(Officer, "Send the lease contract, please.", Monday.AddDays(7));

        // Asked on day 7, answered on day 17: ten days paused, so 27 April moves to 7 May.
        application.AnswerInformation(Resident, "Attached.", Monday.AddDays(17));

        Assert.Equal(InAssessment, application.Status);
        Assert.Equal(new DateTime(2026, 5, 7), application.Deadline(DecisionDeadlineSettings.Default)!.LastDayUtc(Monday.AddDays(20)));
        Assert.Equal("Attached.", application.InformationRequests.Single().Answer);
    }

    [Fact]
    public void AnswerFiles_OnlyWhileInformationIsAskedFor()
    {
        var application = SubmittedDraft();
        Assert.Throws<DomainRuleViolated>(() =>
            application.AddDocument(DocumentKind.InformationAnswer, "extra.pdf", "application/pdf", 100, "key-3", Resident, Monday));

        application.AskForInformation(Officer, "Which parking permit do you have?", Monday.AddDays(1));
        application.AddDocument(DocumentKind.InformationAnswer, "permit.png", "image/png", 100, "key-3", Resident, Monday.AddDays(2));

        Assert.Equal(2, application.Documents.Count);
        Assert.Equal(ApplicationChangeKind.DocumentAdded, application.History[^1].Kind);
    }

    [Fact]
    public void Approving_LinksTheSpotAndClosesIt()
    {
        var application = SubmittedDraft();
        var spot = Guid.NewGuid();

        application.Approve(Officer, spot, "A charge point will be placed at Jansstraat.", Monday.AddDays(3));

        Assert.Equal(Approved, application.Status);
        Assert.Equal(spot, application.SpotId);
        Assert.Equal(Monday.AddDays(3), application.ClosedAtUtc);
        Assert.True(application.IsClosed);
        // Submitted moves through InAssessment first, so the history stays a legal path.
        Assert.Equal([ApplicationStatus.Draft, Submitted, InAssessment, Approved], application.History.Select(h => h.To));
    }

    [Fact]
    public void Referring_NeedsATextAndRecordsThePoint()
    {
        var application = SubmittedDraft();
        var point = Guid.NewGuid();

        Assert.Throws<DomainRuleViolated>(() => application.ReferTo(Officer, point, " ", Monday));
        application.ReferTo(Officer, point, "The charge point at Jansplein 3, 120 m away, has room.", Monday);

        Assert.Equal(ReferredToExistingPoint, application.Status);
        Assert.Equal(point, application.ReferredChargeLocationId);
        Assert.Equal("The charge point at Jansplein 3, 120 m away, has room.", application.DecisionText);
    }

    [Fact]
    public void ClosedApplication_CannotBeDecidedAgain()
    {
        var application = SubmittedDraft();
        application.Reject(Officer, "Private driveway.", Monday);

        Assert.Throws<DomainRuleViolated>(() => application.Approve(Officer, Guid.NewGuid(), null, Monday));
        Assert.Throws<DomainRuleViolated>(() => application.Withdraw(Resident, null, Monday));
        Assert.Throws<DomainRuleViolated>(() => application.AssignTo(Officer, Officer, Monday));
    }

    [Fact]
    public void WithdrawingWhileInformationIsAskedFor_ClosesTheRequest()
    {
        var application = SubmittedDraft();
        application.AskForInformation(Officer, "Send the registration certificate.", Monday.AddDays(1));

        application.Withdraw(Resident, "Moved house.", Monday.AddDays(2));

        Assert.Equal(Withdrawn, application.Status);
        Assert.Null(application.OpenInformationRequest);
        Assert.Equal(Monday.AddDays(2), application.ClosedAtUtc);
    }

    [Fact]
    public void ExtendingTheDeadline_AddsTheExtensionOnce()
    {
        var application = SubmittedDraft();

        var lastDay = application.ExtendDeadline(Officer, DecisionDeadlineSettings.Default, Monday.AddDays(10));

        // 27 April plus eight weeks is 22 June.
        Assert.Equal(new DateTime(2026, 6, 22), lastDay);
        Assert.Equal(ApplicationChangeKind.DeadlineExtended, application.History[^1].Kind);
        Assert.Throws<DomainRuleViolated>(() => application.ExtendDeadline(Officer, DecisionDeadlineSettings.Default, Monday.AddDays(11)));
    }

    [Fact]
    public void RemovingPersonalData_KeepsOnlyWhatStatisticsNeed()
    {
        var application = SubmittedDraft();
        application.AskForInformation(Officer, "Which permit?", Monday.AddDays(1));
        application.AnswerInformation(Resident, "Permit 12345, Jansstraat 12a.", Monday.AddDays(2));
        application.Reject(Officer, "Private driveway.", Monday.AddDays(3));

        var documents = application.RemovePersonalData(Monday.AddYears(1));

        Assert.Single(documents);
        Assert.Empty(application.Documents);
        Assert.Null(application.ApplicantUserId);
        Assert.Equal("6811", application.Postcode);
        Assert.Null(application.HouseNumber);
        Assert.Null(application.HouseNumberAddition);
        Assert.Equal("", application.Street);
        Assert.Null(application.LicencePlate);
        Assert.Equal("", application.InformationRequests.Single().Answer);
        Assert.Equal("Centrum", application.District);
        Assert.Equal(51.98, application.Latitude, 3);
        Assert.DoesNotContain(application.History, h => h.ByUserId == "resident-1");
        Assert.Contains(application.History, h => h.ByName == "Anna de Vries");
        Assert.Equal(Rejected, application.Status);
    }

    [Fact]
    public void PersonalData_StaysWhileTheApplicationIsOpen()
    {
        var application = SubmittedDraft();

        Assert.Throws<DomainRuleViolated>(() => application.RemovePersonalData(Monday));
    }

    private static Application Draft() => Application.StartDraft("LP-2026-ABC234", Arnhem, Resident, Home, Monday);

    private static Application Complete(Application application)
    {
        application.SetCar(DutchLicencePlate.Parse("12abc3"), null, Today, Monday);
        application.AddDocument(DocumentKind.RegistrationCertificate, "kenteken.pdf", "application/pdf", 52_000, "key-1", Resident, Monday);
        application.SetDeclarations(false, null, Monday);
        application.GiveConsent(Monday);
        return application;
    }

    private static Application SubmittedDraft()
    {
        var application = Complete(Draft());
        application.Submit(Resident, Favourable, Monday);
        return application;
    }
}
