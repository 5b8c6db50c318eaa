using Portal.Domain.Common;
using Portal.Domain.Geography;

namespace Portal.Domain.Applications;

/// <summary>
/// A resident's request for a public charge point near home. The resident fills it in step by
/// step as a draft and submits it; an officer assesses and decides. Every status change is in
/// <see cref="History"/> with who, when and why, checked against <see cref="ApplicationStatusRule"/>.
/// </summary>
public sealed class Application
{
    public const int MaxStreetLength = 100;
    public const int MaxCityLength = 80;
    public const int MaxPermitNumberLength = 30;
    public const int MaxDecisionTextLength = ApplicationChange.MaxReasonLength;

    /// <summary>How an applicant is named in history once the application's personal data is removed.</summary>
    public const string RemovedApplicantName = "—";

    private readonly List<ApplicationChange> _history = [];
    private readonly List<ApplicationDocument> _documents = [];
    private readonly List<InformationRequest> _informationRequests = [];

    private Application() { }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public Guid MunicipalityId { get; private set; }

    /// <summary>The resident's user id; null once personal data was removed after the retention period.</summary>
    public string? ApplicantUserId { get; private set; }
    public ApplicationStatus Status { get; private set; }

    // The address step.
    public string Postcode { get; private set; } = "";
    public int? HouseNumber { get; private set; }
    public string? HouseNumberAddition { get; private set; }
    public string Street { get; private set; } = "";
    public string City { get; private set; } = "";
    public string? District { get; private set; }
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public double RdX { get; private set; }
    public double RdY { get; private set; }

    /// <summary>True when the resident moved the point away from where the address was found.</summary>
    public bool PointAdjusted { get; private set; }

    // The car step.
    public string? LicencePlate { get; private set; }
    public DateOnly? CarExpectedOn { get; private set; }

    // The declarations and consent steps.
    public bool? HasPrivateParking { get; private set; }
    public string? ParkingPermitNumber { get; private set; }
    public DateTime? PrivacyConsentAtUtc { get; private set; }

    // Assessment.
    public string? AssignedOfficerId { get; private set; }
    public string? AssignedOfficerName { get; private set; }
    public PreAssessmentAdvice? Advice { get; private set; }
    public IReadOnlyList<PreAssessmentFinding> Findings { get; private set; } = [];

    // Decision.
    public Guid? SpotId { get; private set; }
    public Guid? ReferredChargeLocationId { get; private set; }

    /// <summary>The text the resident was sent with the decision (or with the withdrawal).</summary>
    public string? DecisionText { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public DateTime? DeadlineExtendedAtUtc { get; private set; }

    /// <summary>When it was decided or withdrawn; the retention period runs from here.</summary>
    public DateTime? ClosedAtUtc { get; private set; }
    public DateTime? PersonalDataRemovedAtUtc { get; private set; }

    /// <summary>The Dutch day the assigned officer was last reminded of the deadline (the daily job reminds once a day).</summary>
    public DateOnly? DeadlineReminderSentOn { get; private set; }

    public IReadOnlyList<ApplicationChange> History => _history;
    public IReadOnlyList<ApplicationDocument> Documents => _documents;
    public IReadOnlyList<InformationRequest> InformationRequests => _informationRequests;

    public Coordinate Point => Coordinate.FromStored(Latitude, Longitude, RdX, RdY);
    public bool IsOpen => ApplicationStatusRule.IsOpen(Status) && Status != ApplicationStatus.Draft;
    public bool IsClosed => !ApplicationStatusRule.IsOpen(Status);
    public bool CarIsOrdered => CarExpectedOn is not null;
    public InformationRequest? OpenInformationRequest => _informationRequests.FirstOrDefault(r => r.IsOpen);

    public ApplicationAddress Address => ApplicationAddress.Create(Postcode, HouseNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture), HouseNumberAddition);
    public ApplicantDeclarations Declarations => new(HasPrivateParking ?? false, ParkingPermitNumber);

    /// <summary>Starts a draft with the first step, the address: without an address there is no municipality to apply to.</summary>
    public static Application StartDraft(string reference, Guid municipalityId, ApplicationActor applicant, ApplicationPlace place, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(applicant.UserId))
            throw new DomainRuleViolated("An application belongs to a resident with an account.");
        var application = new Application
        {
            Id = Guid.NewGuid(),
            Reference = reference,
            MunicipalityId = municipalityId,
            ApplicantUserId = applicant.UserId,
            Status = ApplicationStatus.Draft,
            CreatedAtUtc = nowUtc,
        };
        application.Take(place);
        application.UpdatedAtUtc = nowUtc;
        application._history.Add(ApplicationChange.Created(application.Id, applicant, nowUtc));
        return application;
    }

    public void ChangeAddress(Guid municipalityId, ApplicationPlace place, DateTime nowUtc)
    {
        RequireEditable();
        MunicipalityId = municipalityId;
        Take(place);
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>The car step: either the plate of a car the resident drives, or the date an ordered car is expected.</summary>
    public void SetCar(DutchLicencePlate? plate, DateOnly? expectedOn, DateOnly today, DateTime nowUtc)
    {
        RequireEditable();
        if (plate is null == expectedOn is null)
            throw new DomainRuleViolated(DomainRule.CarPlateOrExpectedDate, "Give either the licence plate or, for a car on order, the date it is expected.");
        if (expectedOn is { } date && (date < today || date > today.AddYears(1)))
            throw new DomainRuleViolated(DomainRule.CarExpectedWithinYear, "An ordered car is expected within a year from today.");
        LicencePlate = plate?.Value;
        CarExpectedOn = expectedOn;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Attaches proof (while a draft) or a file with an answer (while information is asked for).</summary>
    public ApplicationDocument AddDocument(DocumentKind kind, string fileName, string contentType, long sizeBytes, string storageKey, ApplicationActor by, DateTime nowUtc)
    {
        if (kind == DocumentKind.InformationAnswer)
        {
            if (Status != ApplicationStatus.WaitingForInformation)
                throw new DomainRuleViolated(DomainRule.AnswerFilesOnlyWhileAsked, "Files with an answer can be sent only while the municipality asks for information.");
        }
        else
        {
            RequireEditable();
        }
        if (_documents.Count >= MaxDocuments)
            throw new DomainRuleViolated(DomainRule.TooManyDocuments, $"An application has at most {MaxDocuments} files.", MaxDocuments);
        var document = ApplicationDocument.Create(Id, kind, fileName, contentType, sizeBytes, storageKey, nowUtc);
        _documents.Add(document);
        if (kind == DocumentKind.InformationAnswer)
            _history.Add(ApplicationChange.Noted(Id, by, nowUtc, Status, ApplicationChangeKind.DocumentAdded, document.FileName));
        UpdatedAtUtc = nowUtc;
        return document;
    }

    public const int MaxDocuments = 10;

    /// <summary>Removes a proof file from a draft; returns it so the caller can delete the stored bytes.</summary>
    public ApplicationDocument RemoveDocument(Guid documentId, DateTime nowUtc)
    {
        RequireEditable();
        var document = _documents.FirstOrDefault(d => d.Id == documentId)
            ?? throw new DomainRuleViolated(DomainRule.DocumentNotInApplication, "That file is not part of this application.");
        _documents.Remove(document);
        UpdatedAtUtc = nowUtc;
        return document;
    }

    public void SetDeclarations(bool hasPrivateParking, string? parkingPermitNumber, DateTime nowUtc)
    {
        RequireEditable();
        var permit = string.IsNullOrWhiteSpace(parkingPermitNumber) ? null : parkingPermitNumber.Trim();
        if (permit is { Length: > MaxPermitNumberLength })
            throw new DomainRuleViolated(DomainRule.PermitNumberTooLong, $"A parking permit number has at most {MaxPermitNumberLength} characters.", MaxPermitNumberLength);
        HasPrivateParking = hasPrivateParking;
        ParkingPermitNumber = permit;
        UpdatedAtUtc = nowUtc;
    }

    public void GiveConsent(DateTime nowUtc)
    {
        RequireEditable();
        PrivacyConsentAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>The steps still to complete before the draft can be submitted, in form order.</summary>
    public IReadOnlyList<ApplicationStep> MissingSteps()
    {
        var missing = new List<ApplicationStep>();
        if (LicencePlate is null && CarExpectedOn is null)
            missing.Add(ApplicationStep.Car);
        if (!_documents.Any(d => d.Kind != DocumentKind.InformationAnswer))
            missing.Add(ApplicationStep.Proof);
        if (HasPrivateParking is null)
            missing.Add(ApplicationStep.Declarations);
        if (PrivacyConsentAtUtc is null)
            missing.Add(ApplicationStep.Consent);
        return missing;
    }

    /// <summary>Sends the draft to the municipality with the outcome of the automatic pre-assessment; the decision term starts.</summary>
    public void Submit(ApplicationActor applicant, PreAssessmentResult preAssessment, DateTime nowUtc)
    {
        var missing = MissingSteps();
        if (Status == ApplicationStatus.Draft && missing.Count > 0)
            throw new DomainRuleViolated(DomainRule.StepsIncomplete, $"Complete these steps first: {string.Join(", ", missing)}.", missing.ToArray());
        Move(ApplicationStatus.Submitted, applicant, nowUtc, null);
        SubmittedAtUtc = nowUtc;
        Advice = preAssessment.Advice;
        Findings = preAssessment.Findings;
    }

    /// <summary>Runs again when the officer asks for it, e.g. after a nearby application was decided.</summary>
    public void RecordPreAssessment(PreAssessmentResult preAssessment, DateTime nowUtc)
    {
        if (Status == ApplicationStatus.Draft)
            throw new DomainRuleViolated(DomainRule.DraftNotAssessed, "A draft is assessed when it is submitted.");
        Advice = preAssessment.Advice;
        Findings = preAssessment.Findings;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Gives the application to an officer; a submitted application is then in assessment.</summary>
    public void AssignTo(ApplicationActor officer, ApplicationActor by, DateTime nowUtc)
    {
        RequireOpenForOfficer();
        if (AssignedOfficerId == officer.UserId)
            return;
        AssignedOfficerId = officer.UserId;
        AssignedOfficerName = officer.Name;
        _history.Add(ApplicationChange.Noted(Id, by, nowUtc, Status, ApplicationChangeKind.Assigned, officer.Name));
        if (Status == ApplicationStatus.Submitted)
            Move(ApplicationStatus.InAssessment, by, nowUtc, null);
        UpdatedAtUtc = nowUtc;
    }

    public void StartAssessment(ApplicationActor officer, DateTime nowUtc) => Move(ApplicationStatus.InAssessment, officer, nowUtc, null);

    /// <summary>Asks the applicant for more; the decision clock stops until the answer (Awb 4:15).</summary>
    public InformationRequest AskForInformation(ApplicationActor officer, string question, DateTime nowUtc)
    {
        StepIntoAssessment(officer, nowUtc);
        var request = InformationRequest.Ask(Id, officer.Name, question, nowUtc);
        Move(ApplicationStatus.WaitingForInformation, officer, nowUtc, request.Question);
        _informationRequests.Add(request);
        return request;
    }

    public void AnswerInformation(ApplicationActor applicant, string answer, DateTime nowUtc)
    {
        var request = OpenInformationRequest;
        if (Status != ApplicationStatus.WaitingForInformation || request is null)
            throw new DomainRuleViolated(DomainRule.NotWaitingForInformation, "The municipality is not waiting for information on this application.");
        request.Answered(answer, nowUtc);
        Move(ApplicationStatus.InAssessment, applicant, nowUtc, request.Answer);
    }

    /// <summary>A new charge point will be placed at the spot.</summary>
    public void Approve(ApplicationActor officer, Guid spotId, string? text, DateTime nowUtc)
    {
        StepIntoAssessment(officer, nowUtc);
        Move(ApplicationStatus.Approved, officer, nowUtc, text);
        SpotId = spotId;
        Close(text, nowUtc);
    }

    /// <summary>An existing or planned charge point serves the applicant; the resident is shown which one.</summary>
    public void ReferTo(ApplicationActor officer, Guid chargeLocationId, string text, DateTime nowUtc)
    {
        StepIntoAssessment(officer, nowUtc);
        Move(ApplicationStatus.ReferredToExistingPoint, officer, nowUtc, text);
        ReferredChargeLocationId = chargeLocationId;
        Close(text, nowUtc);
    }

    public void Reject(ApplicationActor officer, string text, DateTime nowUtc)
    {
        StepIntoAssessment(officer, nowUtc);
        Move(ApplicationStatus.Rejected, officer, nowUtc, text);
        Close(text, nowUtc);
    }

    public void Withdraw(ApplicationActor applicant, string? reason, DateTime nowUtc)
    {
        Move(ApplicationStatus.Withdrawn, applicant, nowUtc, reason);
        var open = OpenInformationRequest;
        open?.Answered("(withdrawn)", nowUtc);
        Close(reason, nowUtc);
    }

    /// <summary>The decision deadline under the municipality's settings; null for a draft.</summary>
    public DecisionDeadline? Deadline(DecisionDeadlineSettings settings) =>
        SubmittedAtUtc is { } submitted
            ? DecisionDeadline.For(submitted, settings, _informationRequests.Select(r => r.AsPause()).ToList(), DeadlineExtendedAtUtc)
            : null;

    /// <summary>Uses the one extension (announced within the term); returns the new last day.</summary>
    public DateTime ExtendDeadline(ApplicationActor officer, DecisionDeadlineSettings settings, DateTime nowUtc)
    {
        RequireOpenForOfficer();
        var extended = Deadline(settings)!.Extend(nowUtc);
        DeadlineExtendedAtUtc = nowUtc;
        var lastDay = extended.LastDayUtc(nowUtc);
        _history.Add(ApplicationChange.Noted(Id, officer, nowUtc, Status, ApplicationChangeKind.DeadlineExtended,
            lastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        UpdatedAtUtc = nowUtc;
        return lastDay;
    }

    public void RemindedOfDeadline(DateOnly today) => DeadlineReminderSentOn = today;

    /// <summary>
    /// Retention: removes what identifies the applicant and keeps what statistics need (status,
    /// dates, municipality, district, the four-digit postcode area and a point rounded to about
    /// 100 m). Returns the documents whose stored files the caller must delete.
    /// </summary>
    public IReadOnlyList<ApplicationDocument> RemovePersonalData(DateTime nowUtc)
    {
        if (!IsClosed)
            throw new DomainRuleViolated(DomainRule.PersonalDataOnlyFromClosed, "Personal data is removed only from closed applications.");
        if (PersonalDataRemovedAtUtc is not null)
            return [];
        foreach (var change in _history)
            change.ForgetPerson(ApplicantUserId ?? "", RemovedApplicantName);
        foreach (var request in _informationRequests)
            request.Anonymise();
        var documents = _documents.ToList();
        _documents.Clear();
        ApplicantUserId = null;
        Postcode = Postcode.Length >= 4 ? Postcode[..4] : Postcode;
        HouseNumber = null;
        HouseNumberAddition = null;
        Street = "";
        var rounded = Coordinate.FromWgs84(Math.Round(Latitude, 3), Math.Round(Longitude, 3));
        (Latitude, Longitude, RdX, RdY) = (rounded.Latitude, rounded.Longitude, rounded.X, rounded.Y);
        LicencePlate = null;
        ParkingPermitNumber = null;
        PersonalDataRemovedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        return documents;
    }

    private void Take(ApplicationPlace place)
    {
        Postcode = place.Address.Postcode;
        HouseNumber = place.Address.HouseNumber;
        HouseNumberAddition = place.Address.Addition;
        Street = Limit(place.Street, MaxStreetLength, DomainRule.StreetTooLong, "street");
        City = Limit(place.City, MaxCityLength, DomainRule.PlaceNameTooLong, "place name");
        District = string.IsNullOrWhiteSpace(place.District) ? null : place.District.Trim();
        (Latitude, Longitude, RdX, RdY) = (place.Point.Latitude, place.Point.Longitude, place.Point.X, place.Point.Y);
        PointAdjusted = place.PointAdjusted;
    }

    private static string Limit(string value, int max, DomainRule rule, string what)
    {
        var trimmed = (value ?? "").Trim();
        return trimmed.Length <= max ? trimmed : throw new DomainRuleViolated(rule, $"The {what} has at most {max} characters.", max);
    }

    private void StepIntoAssessment(ApplicationActor officer, DateTime nowUtc)
    {
        if (Status == ApplicationStatus.Submitted)
            Move(ApplicationStatus.InAssessment, officer, nowUtc, null);
    }

    private void Move(ApplicationStatus to, ApplicationActor actor, DateTime nowUtc, string? reason)
    {
        if (reason is { Length: > MaxDecisionTextLength })
            throw new DomainRuleViolated(DomainRule.DecisionTextTooLong, $"Write at most {MaxDecisionTextLength} characters.", MaxDecisionTextLength);
        _history.Add(ApplicationChange.Moved(Id, actor, nowUtc, Status, to, reason));
        Status = to;
        UpdatedAtUtc = nowUtc;
    }

    private void Close(string? text, DateTime nowUtc)
    {
        DecisionText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        ClosedAtUtc = nowUtc;
    }

    private void RequireEditable()
    {
        if (Status != ApplicationStatus.Draft)
            throw new DomainRuleViolated(DomainRule.OnlyDraftCanChange, "Only a draft can be changed; a submitted application is with the municipality.");
    }

    private void RequireOpenForOfficer()
    {
        if (!IsOpen)
            throw Status == ApplicationStatus.Draft
                ? new DomainRuleViolated(DomainRule.NotSubmittedYet, "The resident has not submitted this application yet.")
                : new DomainRuleViolated(DomainRule.ApplicationClosed, "This application is closed.");
    }
}
