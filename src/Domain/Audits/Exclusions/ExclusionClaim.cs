using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Terms;

namespace Portal.Domain.Audits.Exclusions;

/// <summary>
/// A CPO's claim that an outage of one or more EVSEs of a contract should not count against it (uptime metric v1,
/// section 5): a category, the claimed interval, the category's evidence, filed by the deadline
/// (<see cref="ExclusionClaimDeadline"/>). An officer approves it, rejects it, or approves a part (a sub-interval,
/// a subset of the EVSEs, or both), always with a reason; a decided claim is frozen. A planned-maintenance claim can
/// start as a <see cref="ExclusionClaimState.Candidate"/> made by the portal from a declared window or an OCPI
/// status_schedule entry, which the CPO confirms (adding the notice) or dismisses. The caps of each category are not
/// applied here: the metric applies them to what was approved. Every step stays in <see cref="Steps"/>.
/// </summary>
public sealed class ExclusionClaim
{
    public const int MaxReferenceLength = 100, MaxTextLength = 2000, MaxEvses = 200, MaxPhotos = 10, MaxSourceKeyLength = 200;

    private readonly List<ExclusionClaimEvse> _evses = [];
    private readonly List<ExclusionClaimPhoto> _photos = [];
    private readonly List<ExclusionClaimStep> _steps = [];

    private ExclusionClaim() { }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public Guid OperatorId { get; private set; }
    public ExclusionCategory Category { get; private set; }
    public ExclusionClaimState State { get; private set; }
    public ExclusionClaimSource Source { get; private set; }

    /// <summary>What a candidate was made from ("window:{id}", "schedule:{location}/{evse}/{begin}"), so the job makes it once; null for a CPO's own claim.</summary>
    public string? SourceKey { get; private set; }

    public DateTime StartsAtUtc { get; private set; }
    public DateTime EndsAtUtc { get; private set; }

    /// <summary>The last Dutch day the claim may be filed (or a candidate confirmed).</summary>
    public DateOnly Deadline { get; private set; }

    public string Description { get; private set; } = "";
    public string? GridOperatorReference { get; private set; }
    public string? IncidentNumber { get; private set; }
    public string? DeclarationReference { get; private set; }
    public string? MunicipalTicket { get; private set; }
    public Guid? MaintenanceWindowId { get; private set; }
    public DateTime? ScheduleEntryFirstSeenUtc { get; private set; }
    public string? MaintenanceNotice { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ClaimedAtUtc { get; private set; }
    public string? ClaimedByUserId { get; private set; }
    public string? ClaimedByName { get; private set; }

    /// <summary>The approved interval (the whole claim, or the officer's part); null until approved.</summary>
    public DateTime? ApprovedFromUtc { get; private set; }
    public DateTime? ApprovedUntilUtc { get; private set; }
    public string? DecisionReason { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? DecidedByName { get; private set; }

    public IReadOnlyList<ExclusionClaimEvse> Evses => _evses;
    public IReadOnlyList<ExclusionClaimPhoto> Photos => _photos;
    public IReadOnlyList<ExclusionClaimStep> Steps => _steps;

    public bool IsDecided => State is ExclusionClaimState.Approved or ExclusionClaimState.PartlyApproved or ExclusionClaimState.Rejected or ExclusionClaimState.Dismissed;

    /// <summary>A CPO user files a claim with its evidence (photos already in the document store).</summary>
    public static ExclusionClaim File(Guid contractId, Guid operatorId, ExclusionClaimDetails details, IReadOnlyCollection<EvseRef> evses,
        IReadOnlyCollection<ExclusionPhotoFile> photos, ContractActor actor, DateTime nowUtc, TermsCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(evses);
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentNullException.ThrowIfNull(actor);
        CheckInterval(details.StartsAtUtc, details.EndsAtUtc, nowUtc);
        var deadline = ExclusionClaimDeadline.For(details.EndsAtUtc, calendar);
        CheckDeadline(deadline, nowUtc);
        var claim = New(contractId, operatorId, details.Category, details.StartsAtUtc, details.EndsAtUtc, deadline, ExclusionClaimSource.Cpo, null, evses, nowUtc);
        claim.Description = Text(details.Description, MaxTextLength) ?? "";
        claim.GridOperatorReference = Text(details.GridOperatorReference, MaxReferenceLength);
        claim.IncidentNumber = Text(details.IncidentNumber, MaxReferenceLength);
        claim.DeclarationReference = Text(details.DeclarationReference, MaxReferenceLength);
        claim.MunicipalTicket = Text(details.MunicipalTicket, MaxReferenceLength);
        claim.MaintenanceWindowId = details.MaintenanceWindowId;
        claim.MaintenanceNotice = Text(details.MaintenanceNotice, MaxTextLength);
        if (photos.Count > MaxPhotos)
            throw new DomainRuleViolated(DomainRule.ExclusionTooManyPhotos, $"At most {MaxPhotos} photos.", MaxPhotos);
        claim._photos.AddRange(photos.Select(p => ExclusionClaimPhoto.Of(claim.Id, p)));
        claim.CheckEvidence();
        claim.MarkClaimed(actor, nowUtc, ExclusionClaimStepKind.Claimed,
            $"{details.Category.Code()} {Iso(claim.StartsAtUtc)}..{Iso(claim.EndsAtUtc)}; {string.Join(", ", claim._evses.Select(e => e.Evse))}");
        return claim;
    }

    /// <summary>
    /// The portal proposes a planned-maintenance claim (E5) for one EVSE from a declared window
    /// (<paramref name="maintenanceWindowId"/>) or a status_schedule entry it first saw at <paramref name="scheduleFirstSeenUtc"/>.
    /// </summary>
    public static ExclusionClaim Propose(Guid contractId, Guid operatorId, EvseRef evse, DateTime startsAtUtc, DateTime endsAtUtc, ExclusionClaimSource source,
        string sourceKey, Guid? maintenanceWindowId, DateTime? scheduleFirstSeenUtc, string description, DateTime nowUtc, TermsCalendar calendar)
    {
        if (source == ExclusionClaimSource.Cpo || string.IsNullOrWhiteSpace(sourceKey))
            throw new ArgumentException("A candidate comes from a window or a schedule entry, with its key.", nameof(source));
        if (endsAtUtc <= startsAtUtc)
            throw new DomainRuleViolated(DomainRule.ExclusionIntervalReversed, "An outage ends after it starts.");
        var claim = New(contractId, operatorId, ExclusionCategory.PlannedMaintenance, startsAtUtc, endsAtUtc,
            ExclusionClaimDeadline.For(endsAtUtc, calendar), source, sourceKey.Length > MaxSourceKeyLength ? sourceKey[..MaxSourceKeyLength] : sourceKey, [evse], nowUtc);
        claim.State = ExclusionClaimState.Candidate;
        claim.MaintenanceWindowId = maintenanceWindowId;
        claim.ScheduleEntryFirstSeenUtc = scheduleFirstSeenUtc;
        claim.Description = Text(description, MaxTextLength) ?? "";
        claim._steps.Add(ExclusionClaimStep.Record(claim.Id, null, nowUtc, ExclusionClaimStepKind.Proposed, $"{source} {sourceKey}"));
        return claim;
    }

    /// <summary>The CPO confirms a candidate by its deadline, adding the notice it gave of the maintenance.</summary>
    public void Confirm(string? notice, ContractActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (State != ExclusionClaimState.Candidate)
            throw new DomainRuleViolated(DomainRule.ExclusionNotACandidate, "Only a candidate is confirmed or dismissed.");
        CheckInterval(StartsAtUtc, EndsAtUtc, nowUtc);
        CheckDeadline(Deadline, nowUtc);
        MaintenanceNotice = Text(notice, MaxTextLength);
        CheckEvidence();
        MarkClaimed(actor, nowUtc, ExclusionClaimStepKind.Confirmed, MaintenanceNotice!);
    }

    /// <summary>The CPO does not want to claim this candidate; kept, with who dismissed it.</summary>
    public void Dismiss(string? reason, ContractActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (State != ExclusionClaimState.Candidate)
            throw new DomainRuleViolated(DomainRule.ExclusionNotACandidate, "Only a candidate is confirmed or dismissed.");
        var text = Text(reason, MaxTextLength);
        Decided(ExclusionClaimState.Dismissed, text, actor, nowUtc, ExclusionClaimStepKind.Dismissed);
    }

    /// <summary>The officer approves the whole claim: every EVSE, the whole interval.</summary>
    public void Approve(string? reason, ContractActor actor, DateTime nowUtc)
    {
        var text = Decidable(reason);
        ApprovedFromUtc = StartsAtUtc;
        ApprovedUntilUtc = EndsAtUtc;
        foreach (var evse in _evses)
            evse.Approve();
        Decided(ExclusionClaimState.Approved, text, actor, nowUtc, ExclusionClaimStepKind.Approved);
    }

    /// <summary>
    /// The officer approves a part: <paramref name="fromUtc"/>..<paramref name="untilUtc"/> inside the claimed interval,
    /// for <paramref name="evses"/> among the claimed EVSEs; the part must be smaller than the claim (else it is an approval).
    /// </summary>
    public void ApprovePart(DateTime fromUtc, DateTime untilUtc, IReadOnlyCollection<EvseRef> evses, string? reason, ContractActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(evses);
        var text = Decidable(reason);
        if (untilUtc <= fromUtc)
            throw new DomainRuleViolated(DomainRule.ExclusionIntervalReversed, "An outage ends after it starts.");
        var chosen = evses.Distinct().ToList();
        if (fromUtc < StartsAtUtc || untilUtc > EndsAtUtc || chosen.Count == 0 || chosen.Any(e => _evses.All(c => c.Evse != e)))
            throw new DomainRuleViolated(DomainRule.ExclusionPartNotInside, "The approved part lies inside the claim: its interval and some of its EVSEs.");
        if (fromUtc == StartsAtUtc && untilUtc == EndsAtUtc && chosen.Count == _evses.Count)
            throw new DomainRuleViolated(DomainRule.ExclusionPartNotSmaller, "This part is the whole claim: approve it instead.");
        ApprovedFromUtc = fromUtc;
        ApprovedUntilUtc = untilUtc;
        foreach (var evse in _evses.Where(e => chosen.Contains(e.Evse)))
            evse.Approve();
        Decided(ExclusionClaimState.PartlyApproved, text, actor, nowUtc, ExclusionClaimStepKind.PartlyApproved,
            $"{Iso(fromUtc)}..{Iso(untilUtc)}; {string.Join(", ", chosen)}; {text}");
    }

    public void Reject(string? reason, ContractActor actor, DateTime nowUtc)
    {
        var text = Decidable(reason);
        Decided(ExclusionClaimState.Rejected, text, actor, nowUtc, ExclusionClaimStepKind.Rejected);
    }

    /// <summary>What the metric excludes: per approved EVSE, the approved interval (nothing unless approved).</summary>
    public IReadOnlyList<ApprovedExclusion> Approved() =>
        ApprovedFromUtc is { } from && ApprovedUntilUtc is { } until
            ? _evses.Where(e => e.Approved).Select(e => new ApprovedExclusion(e.Evse, Category, from, until, Id)).ToList()
            : [];

    private static ExclusionClaim New(Guid contractId, Guid operatorId, ExclusionCategory category, DateTime startsAtUtc, DateTime endsAtUtc, DateOnly deadline,
        ExclusionClaimSource source, string? sourceKey, IReadOnlyCollection<EvseRef> evses, DateTime nowUtc)
    {
        var distinct = evses.Distinct().ToList();
        if (distinct.Count == 0)
            throw new DomainRuleViolated(DomainRule.ExclusionNoEvses, "Name the EVSEs that were out of order.");
        if (distinct.Count > MaxEvses)
            throw new DomainRuleViolated(DomainRule.ExclusionTooManyEvses, $"A claim names at most {MaxEvses} EVSEs.", MaxEvses);
        if (distinct.FirstOrDefault(e => e.EvseUid is null) is { LocationId: not null } whole)
            throw new DomainRuleViolated(DomainRule.ExclusionEvseMissingUid, "A claim names EVSEs, not whole locations.", whole.ToString());
        var claim = new ExclusionClaim
        {
            Id = Guid.NewGuid(),
            ContractId = contractId,
            OperatorId = operatorId,
            Category = category,
            Source = source,
            SourceKey = sourceKey,
            StartsAtUtc = startsAtUtc,
            EndsAtUtc = endsAtUtc,
            Deadline = deadline,
            CreatedAtUtc = nowUtc,
        };
        claim._evses.AddRange(distinct.Select(e => ExclusionClaimEvse.Of(claim.Id, e)));
        return claim;
    }

    private void CheckEvidence()
    {
        var missing = Category switch
        {
            ExclusionCategory.GridSupplyInterruption => GridOperatorReference is null,
            ExclusionCategory.ThirdPartyDamage => IncidentNumber is null,
            ExclusionCategory.ForceMajeure => DeclarationReference is null,
            ExclusionCategory.AuthorityOrderedWorks => MunicipalTicket is null,
            ExclusionCategory.PlannedMaintenance => (MaintenanceWindowId is null && ScheduleEntryFirstSeenUtc is null) || MaintenanceNotice is null,
            _ => throw new ArgumentOutOfRangeException(nameof(Category), Category, null),
        };
        if (missing)
            throw new DomainRuleViolated(DomainRule.ExclusionEvidenceMissing, $"A {Category.Code()} claim lacks its evidence.", Category.Code());
        if (Category == ExclusionCategory.ThirdPartyDamage && _photos.Count == 0)
            throw new DomainRuleViolated(DomainRule.ExclusionPhotosMissing, "Damage is shown with photos.");
    }

    private static void CheckInterval(DateTime startsAtUtc, DateTime endsAtUtc, DateTime nowUtc)
    {
        if (endsAtUtc <= startsAtUtc)
            throw new DomainRuleViolated(DomainRule.ExclusionIntervalReversed, "An outage ends after it starts.");
        if (endsAtUtc > nowUtc)
            throw new DomainRuleViolated(DomainRule.ExclusionIntervalInFuture, "A claim is for an outage that has ended.");
    }

    private static void CheckDeadline(DateOnly deadline, DateTime nowUtc)
    {
        if (DutchCalendar.Day(nowUtc) > deadline)
            throw new DomainRuleViolated(DomainRule.ExclusionDeadlinePassed, "The term to claim this outage has passed.", deadline);
    }

    private string Decidable(string? reason)
    {
        if (IsDecided)
            throw new DomainRuleViolated(DomainRule.ExclusionAlreadyDecided, "This claim was already decided.");
        if (State == ExclusionClaimState.Candidate)
            throw new DomainRuleViolated(DomainRule.ExclusionIsACandidate, "A candidate is decided once the CPO confirmed it.");
        return Text(reason, MaxTextLength) ?? throw new DomainRuleViolated(DomainRule.ExclusionReasonMissing, "Give the reason of the decision.");
    }

    private void MarkClaimed(ContractActor actor, DateTime nowUtc, ExclusionClaimStepKind kind, string detail)
    {
        State = ExclusionClaimState.Claimed;
        ClaimedAtUtc = nowUtc;
        ClaimedByUserId = actor.UserId;
        ClaimedByName = Limit(actor.Name);
        _steps.Add(ExclusionClaimStep.Record(Id, actor, nowUtc, kind, detail));
    }

    private void Decided(ExclusionClaimState state, string? reason, ContractActor actor, DateTime nowUtc, ExclusionClaimStepKind kind, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        State = state;
        DecisionReason = reason;
        DecidedAtUtc = nowUtc;
        DecidedByUserId = actor.UserId;
        DecidedByName = Limit(actor.Name);
        _steps.Add(ExclusionClaimStep.Record(Id, actor, nowUtc, kind, detail ?? reason ?? ""));
    }

    private static string? Text(string? value, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length > max)
            throw new DomainRuleViolated(DomainRule.ExclusionTextTooLong, $"A text has at most {max} characters.", max);
        return text.Length == 0 ? null : text;
    }

    private static string Limit(string name) => name.Length <= 200 ? name : name[..200];

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the CPO user fills in; only the category's own evidence field is required (E2 also needs photos).</summary>
public sealed record ExclusionClaimDetails(
    ExclusionCategory Category,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    string? Description,
    string? GridOperatorReference = null,
    string? IncidentNumber = null,
    string? DeclarationReference = null,
    string? MunicipalTicket = null,
    Guid? MaintenanceWindowId = null,
    string? MaintenanceNotice = null);

/// <summary>An approved exclusion as the metric reads it: one EVSE, one interval, its category (whose caps the metric applies).</summary>
public sealed record ApprovedExclusion(EvseRef Evse, ExclusionCategory Category, DateTime FromUtc, DateTime UntilUtc, Guid ClaimId);

/// <summary>Where a claim is in its life (stored by name).</summary>
public enum ExclusionClaimState
{
    Candidate,
    Claimed,
    Approved,
    PartlyApproved,
    Rejected,
    Dismissed,
}

/// <summary>Who made the claim: the CPO, or the portal from a declared maintenance window or a status_schedule entry (stored by name).</summary>
public enum ExclusionClaimSource
{
    Cpo,
    MaintenanceWindow,
    StatusSchedule,
}

/// <summary>An EVSE a claim is about, and whether the officer's decision approved it.</summary>
public sealed class ExclusionClaimEvse
{
    private ExclusionClaimEvse() { }

    public long Id { get; private set; }
    public Guid ClaimId { get; private set; }
    public string LocationId { get; private set; } = "";
    public string EvseUid { get; private set; } = "";
    public bool Approved { get; private set; }

    public EvseRef Evse => new(LocationId, EvseUid);

    internal static ExclusionClaimEvse Of(Guid claimId, EvseRef evse) => new() { ClaimId = claimId, LocationId = evse.LocationId, EvseUid = evse.EvseUid! };

    internal void Approve() => Approved = true;
}

/// <summary>A photo of the claim, kept in the document store under <see cref="StorageKey"/>.</summary>
public sealed class ExclusionClaimPhoto
{
    public const int MaxFileNameLength = 200;
    public const long MaxSizeBytes = 10 * 1024 * 1024;

    private ExclusionClaimPhoto() { }

    public Guid Id { get; private set; }
    public Guid ClaimId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = "";

    internal static ExclusionClaimPhoto Of(Guid claimId, ExclusionPhotoFile file)
    {
        StoredUpload.Check(file.SizeBytes, MaxSizeBytes, file.StorageKey);
        var name = StoredUpload.DisplayName(file.FileName, "foto", MaxFileNameLength);
        return new ExclusionClaimPhoto
        {
            Id = Guid.NewGuid(),
            ClaimId = claimId,
            FileName = name,
            ContentType = file.ContentType,
            SizeBytes = file.SizeBytes,
            StorageKey = file.StorageKey,
        };
    }
}

/// <summary>A stored photo: the name it was sent with, the type found in its bytes, its size and key.</summary>
public sealed record ExclusionPhotoFile(string FileName, string ContentType, long SizeBytes, string StorageKey);
