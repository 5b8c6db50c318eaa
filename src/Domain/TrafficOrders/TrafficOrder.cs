using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Terms;

namespace Portal.Domain.TrafficOrders;

/// <summary>
/// A traffic order (verkeersbesluit) that reserves charging bays at one location or many (a collection
/// order). It goes through the steps of its route (<see cref="TrafficOrderStatusRule"/>), each recorded in
/// an append-only history. Its locations change only while it is a draft; once published it is never
/// edited, only amended by a new order or withdrawn. Terms are computed from the recorded dates, never typed.
/// </summary>
public sealed class TrafficOrder
{
    public const int MaxTitleLength = 300;
    public const int MaxReasonLength = 2000;
    public const int MaxLocations = 1000;

    private readonly List<TrafficOrderLocation> _locations = [];
    private readonly List<Objection> _objections = [];
    private readonly List<TrafficOrderChange> _history = [];

    private TrafficOrder() { }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }

    /// <summary>The municipality's own reference, e.g. "VB-2026-0007".</summary>
    public string Reference { get; private set; } = "";
    public string Title { get; private set; } = "";
    public TrafficOrderRoute Route { get; private set; }
    public TrafficOrderStatus Status { get; private set; }

    /// <summary>The order this one amends; an order is changed only by a new order.</summary>
    public Guid? AmendsOrderId { get; private set; }

    public DateOnly? PoliceConsultedOn { get; private set; }
    public string? PoliceAnswer { get; private set; }
    public DateOnly? DecidedOn { get; private set; }

    public PublicationChannel? DraftChannel { get; private set; }
    public DateOnly? DraftPublishedOn { get; private set; }
    public string? DraftJournalReference { get; private set; }

    public PublicationChannel? Channel { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    public string? JournalReference { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public IReadOnlyList<TrafficOrderLocation> Locations => _locations;
    public IReadOnlyList<Objection> Objections => _objections;
    public IReadOnlyList<TrafficOrderChange> History => _history;

    /// <summary>Every order that is not withdrawn holds its spots: a spot cannot be in two live orders.</summary>
    public bool IsLive => Status != TrafficOrderStatus.Withdrawn;

    public bool IsCollectionOrder => _locations.Count > 1;

    public static TrafficOrder Draft(Guid municipalityId, string reference, string? title, TrafficOrderRoute route,
        TrafficOrderActor actor, DateTime nowUtc, Guid? amendsOrderId = null)
    {
        var order = new TrafficOrder
        {
            Id = Guid.NewGuid(),
            MunicipalityId = municipalityId,
            Reference = reference,
            Title = RequireTitle(title),
            Route = route,
            Status = TrafficOrderStatus.Draft,
            AmendsOrderId = amendsOrderId,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        order._history.Add(TrafficOrderChange.Record(order.Id, actor, nowUtc, null, TrafficOrderStatus.Draft, null));
        return order;
    }

    /// <summary>
    /// A new draft that amends a published or final order: the only way a published order's locations change.
    /// The draft starts without locations; the officer chooses them, the amended order's among them.
    /// </summary>
    public static TrafficOrder DraftAmendment(TrafficOrder amended, string reference, string? title, TrafficOrderRoute route, TrafficOrderActor actor, DateTime nowUtc)
    {
        if (!TrafficOrderAmendment.CanBeAmended(amended.Status))
            throw new DomainRuleViolated(DomainRule.OrderCannotBeAmended,
                $"Order {amended.Reference} is {amended.Status}; only a published or final order is amended by a new order.", amended.Reference, amended.Status);
        return Draft(amended.MunicipalityId, reference, title, route, actor, nowUtc, amended.Id);
    }

    public void Retitle(string? title, DateTime nowUtc)
    {
        RequireDraft();
        Title = RequireTitle(title);
        UpdatedAtUtc = nowUtc;
    }

    public void AddLocation(Guid spotId, string street, string? nearestHouseNumber, Coordinate position, int bays, PlannedSign sign, DateTime nowUtc)
    {
        RequireDraft();
        if (_locations.Any(l => l.SpotId == spotId))
            throw new DomainRuleViolated(DomainRule.SpotAlreadyInOrder, "This spot is already in the order.");
        if (_locations.Count >= MaxLocations)
            throw new DomainRuleViolated(DomainRule.TooManyLocations, $"An order can hold at most {MaxLocations} locations.", MaxLocations);
        if (string.IsNullOrWhiteSpace(street))
            throw new DomainRuleViolated(DomainRule.LocationStreetMissing, "Each location needs its street.");
        if (bays is < 1 or > 20)
            throw new DomainRuleViolated(DomainRule.SpotBaysOutOfRange, "A location has between 1 and 20 bays.", 20);
        _locations.Add(TrafficOrderLocation.Create(Id, spotId, street, nearestHouseNumber, position, bays, sign));
        UpdatedAtUtc = nowUtc;
    }

    public void RemoveLocation(Guid spotId, DateTime nowUtc)
    {
        RequireDraft();
        _locations.RemoveAll(l => l.SpotId == spotId);
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>The police were consulted (BABW art. 24); recording it again while nothing else happened corrects the record.</summary>
    public void RecordPoliceConsultation(DateOnly consultedOn, string? answer, TrafficOrderActor actor, DateTime nowUtc)
    {
        if (Status != TrafficOrderStatus.PoliceConsulted)
            Require(TrafficOrderStatus.PoliceConsulted);
        if (_locations.Count == 0)
            throw new DomainRuleViolated(DomainRule.OrderHasNoLocations, "Add at least one location before consulting the police.");
        var text = answer?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainRuleViolated(DomainRule.PoliceAnswerMissing, "Record what the police answered.");
        if (text.Length > PoliceConsultation.MaxAnswerLength)
            throw new DomainRuleViolated(DomainRule.PoliceAnswerTooLong, $"The answer can have at most {PoliceConsultation.MaxAnswerLength} characters.", PoliceConsultation.MaxAnswerLength);
        if (consultedOn > DutchCalendar.Day(nowUtc))
            throw new DomainRuleViolated(DomainRule.DateInFuture, "A consultation that has not happened yet cannot be recorded.", consultedOn);
        var correction = Status == TrafficOrderStatus.PoliceConsulted;
        PoliceConsultedOn = consultedOn;
        PoliceAnswer = text;
        Move(TrafficOrderStatus.PoliceConsulted, actor, nowUtc, correction ? "Police consultation corrected" : null);
    }

    /// <summary>Public preparation: the draft order is made available for inspection and published; the views term starts that day (Awb 3:16(2)).</summary>
    public void PublishDraft(Publication publication, TrafficOrderActor actor, DateTime nowUtc)
    {
        if (Route != TrafficOrderRoute.PublicPreparation)
            throw new DomainRuleViolated(DomainRule.StepNotInRoute, "Only an order prepared publicly has a draft that is published.", TrafficOrderStatus.DraftPublished);
        Require(TrafficOrderStatus.DraftPublished);
        RequireNotBefore(publication.PublishedOn, PoliceConsultedOn, nowUtc);
        DraftChannel = publication.Channel;
        DraftPublishedOn = publication.PublishedOn;
        DraftJournalReference = publication.JournalReference;
        Move(TrafficOrderStatus.DraftPublished, actor, nowUtc, null);
    }

    /// <summary>
    /// The order is taken. After public preparation only once the views term lapsed and every view was
    /// considered (Awb 3:46: the reasons must deal with them).
    /// </summary>
    public void Decide(DateOnly decidedOn, TrafficOrderActor actor, DateTime nowUtc, TermsCalendar calendar)
    {
        Require(TrafficOrderStatus.Decided);
        if (Route == TrafficOrderRoute.PublicPreparation)
        {
            var views = ViewsTerm(calendar)!;
            if (!views.HasLapsed(decidedOn))
                throw new DomainRuleViolated(DomainRule.ViewsTermRunning, string.Create(CultureInfo.InvariantCulture,
                    $"Views can be given until {views.LastDay:yyyy-MM-dd}; the final order follows after that."), views.LastDay);
            if (_objections.Any(o => o.Kind == ObjectionKind.View && !o.IsDecided))
                throw new DomainRuleViolated(DomainRule.ViewsNotConsidered, "Say for every view how the order deals with it before taking it.");
        }
        RequireNotBefore(decidedOn, DraftPublishedOn ?? PoliceConsultedOn, nowUtc);
        DecidedOn = decidedOn;
        Move(TrafficOrderStatus.Decided, actor, nowUtc, null);
    }

    /// <summary>The order is published in the journal; the objection (or appeal) term starts the next day.</summary>
    public void Publish(Publication publication, TrafficOrderActor actor, DateTime nowUtc)
    {
        Require(TrafficOrderStatus.Published);
        RequireNotBefore(publication.PublishedOn, DecidedOn, nowUtc);
        Channel = publication.Channel;
        PublishedOn = publication.PublishedOn;
        JournalReference = publication.JournalReference;
        Move(TrafficOrderStatus.Published, actor, nowUtc, null);
    }

    /// <summary>The six weeks for views on the draft (public preparation), once the draft is published.</summary>
    public StatutoryTerm? ViewsTerm(TermsCalendar calendar) =>
        DraftPublishedOn is { } on ? AwbTerms.Views(on, calendar) : null;

    /// <summary>The six weeks after publication: for objections (direct route) or for appeal to court (public preparation).</summary>
    public StatutoryTerm? ObjectionTerm(TermsCalendar calendar) =>
        PublishedOn is not { } on ? null
        : Route == TrafficOrderRoute.Direct ? AwbTerms.Objection(on, calendar) : AwbTerms.Appeal(on, calendar);

    /// <summary>
    /// An objection (direct route, once published) or a view (public preparation, while the draft is out).
    /// After the last day it is still taken in, marked late (Awb 6:11); a late objection reopens a final order.
    /// </summary>
    public Objection Receive(ObjectionKind kind, ObjectionSubmission submission, string reference, DateTime receivedAtUtc, TermsCalendar calendar)
    {
        var expected = Route == TrafficOrderRoute.Direct ? ObjectionKind.Objection : ObjectionKind.View;
        StatutoryTerm? term = kind == ObjectionKind.Objection ? ObjectionTerm(calendar) : ViewsTerm(calendar);
        var open = kind == ObjectionKind.Objection
            ? Status is TrafficOrderStatus.Published or TrafficOrderStatus.ObjectionsReceived or TrafficOrderStatus.Final
            : Status is TrafficOrderStatus.DraftPublished or TrafficOrderStatus.ViewsReceived;
        if (kind != expected || term is null || !open)
            throw new DomainRuleViolated(DomainRule.NotOpenForObjections, "This order does not take objections or views now.");
        var objection = Objection.Receive(Id, MunicipalityId, reference, kind, submission, receivedAtUtc, term);
        _objections.Add(objection);
        var next = kind == ObjectionKind.Objection ? TrafficOrderStatus.ObjectionsReceived : TrafficOrderStatus.ViewsReceived;
        if (Status != next)
            Move(next, TrafficOrderActor.Portal, receivedAtUtc, objection.IsLate ? $"Late {kind.ToString().ToLowerInvariant()} {reference} received" : null);
        else
            UpdatedAtUtc = receivedAtUtc;
        return objection;
    }

    public Objection ObjectionById(Guid objectionId) =>
        _objections.SingleOrDefault(o => o.Id == objectionId) ?? throw new DomainRuleViolated("The objection is not part of this order.");

    /// <summary>
    /// The decision on an objection. A revocation withdraws the order at once; an amendment needs a new
    /// order (drafted with <see cref="AmendsOrderId"/>); either way the order is never edited in place.
    /// </summary>
    public void DecideObjection(Guid objectionId, ObjectionOutcome outcome, ObjectionConsequence consequence, DateOnly decidedOn,
        string? reasons, TrafficOrderActor actor, DateTime nowUtc)
    {
        if (Status != TrafficOrderStatus.ObjectionsReceived)
            throw new DomainRuleViolated(DomainRule.ObjectionsNotOpenForDecision, "Objections are decided while the order has open objections.");
        var objection = ObjectionById(objectionId);
        RequireNotBefore(decidedOn, objection.ReceivedOn, nowUtc);
        objection.Decide(outcome, consequence, decidedOn, reasons);
        UpdatedAtUtc = nowUtc;
        if (consequence == ObjectionConsequence.Revoked)
            Move(TrafficOrderStatus.Withdrawn, actor, nowUtc, $"Revoked on objection {objection.Reference}");
    }

    /// <summary>How the final order deals with a view (Awb 3:46).</summary>
    public void ConsiderView(Guid viewId, string? response, DateOnly on, DateTime nowUtc)
    {
        if (Status is not (TrafficOrderStatus.DraftPublished or TrafficOrderStatus.ViewsReceived))
            throw new DomainRuleViolated(DomainRule.ViewsClosed, "Views are considered before the final order is taken.");
        ObjectionById(viewId).Consider(response, on);
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>
    /// Whether the order can become final on <paramref name="today"/>: published, its term lapsed, and
    /// every objection decided with the order standing. Null when it can; otherwise why not.
    /// </summary>
    public DomainRule? WhyNotFinal(DateOnly today, TermsCalendar calendar)
    {
        if (Status is not (TrafficOrderStatus.Published or TrafficOrderStatus.ObjectionsReceived))
            return DomainRule.StatusChangeNotAllowedForOrder;
        if (!ObjectionTerm(calendar)!.HasLapsed(today))
            return DomainRule.ObjectionTermRunning;
        if (_objections.Any(o => o.Kind == ObjectionKind.Objection && !o.IsDecided))
            return DomainRule.ObjectionsUndecided;
        return null;
    }

    /// <summary>The order becomes final; the portal does this the day after the term lapsed, or when the last objection is decided.</summary>
    public void BecomeFinal(DateOnly today, TrafficOrderActor actor, DateTime nowUtc, TermsCalendar calendar)
    {
        switch (WhyNotFinal(today, calendar))
        {
            case null:
                Move(TrafficOrderStatus.Final, actor, nowUtc, null);
                return;
            case DomainRule.ObjectionTermRunning:
                var term = ObjectionTerm(calendar)!;
                throw new DomainRuleViolated(DomainRule.ObjectionTermRunning, string.Create(CultureInfo.InvariantCulture,
                    $"The term runs until {term.LastDay:yyyy-MM-dd}; the order becomes final after that."), term.LastDay);
            case DomainRule.ObjectionsUndecided:
                throw new DomainRuleViolated(DomainRule.ObjectionsUndecided, "Decide every objection before the order becomes final.");
            default:
                throw new DomainRuleViolated(DomainRule.StatusChangeNotAllowedForOrder, $"An order that is {Status} cannot become final.", Status, TrafficOrderStatus.Final);
        }
    }

    /// <summary>Withdraws the order before publication, or revokes it after; the reason is required and kept.</summary>
    public void Withdraw(string? reason, TrafficOrderActor actor, DateTime nowUtc)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainRuleViolated(DomainRule.ReasonRequiredForOrder, "Say why the order is withdrawn.");
        if (text.Length > MaxReasonLength)
            throw new DomainRuleViolated(DomainRule.ReasonTooLong, $"A reason can have at most {MaxReasonLength} characters.", MaxReasonLength);
        Require(TrafficOrderStatus.Withdrawn);
        Move(TrafficOrderStatus.Withdrawn, actor, nowUtc, text);
    }

    /// <summary>The signs at a location stand (for the sign register); only once the order is published.</summary>
    public void MarkSignsPlaced(Guid spotId, DateTime nowUtc)
    {
        if (Status is not (TrafficOrderStatus.Published or TrafficOrderStatus.ObjectionsReceived or TrafficOrderStatus.Final))
            throw new DomainRuleViolated(DomainRule.SignsBeforePublication, "Signs are placed once the order is published.");
        (_locations.SingleOrDefault(l => l.SpotId == spotId) ?? throw new DomainRuleViolated("The spot is not part of this order.")).MarkSignsPlaced();
        UpdatedAtUtc = nowUtc;
    }

    private void Move(TrafficOrderStatus to, TrafficOrderActor actor, DateTime nowUtc, string? reason)
    {
        var from = Status;
        Status = to;
        UpdatedAtUtc = nowUtc;
        _history.Add(TrafficOrderChange.Record(Id, actor, nowUtc, from, to, reason));
    }

    private void Require(TrafficOrderStatus to)
    {
        if (!TrafficOrderStatusRule.CanMove(Route, Status, to))
            throw new DomainRuleViolated(DomainRule.StatusChangeNotAllowedForOrder, $"An order that is {Status} cannot become {to}.", Status, to);
    }

    private void RequireDraft()
    {
        if (Status != TrafficOrderStatus.Draft)
            throw new DomainRuleViolated(DomainRule.OnlyDraftOrderCanChange, "Only a draft order can change; a published order is amended by a new order.");
    }

    private static void RequireNotBefore(DateOnly day, DateOnly? earlier, DateTime nowUtc)
    {
        if (earlier is { } e && day < e)
            throw new DomainRuleViolated(DomainRule.DateBeforePreviousStep, string.Create(CultureInfo.InvariantCulture,
                $"This date cannot be before {e:yyyy-MM-dd}, the date of the previous step."), e);
        if (day > DutchCalendar.Day(nowUtc))
            throw new DomainRuleViolated(DomainRule.DateInFuture, "A step that has not happened yet cannot be recorded.", day);
    }

    private static string RequireTitle(string? title)
    {
        var text = title?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainRuleViolated(DomainRule.OrderTitleMissing, "Give the order a title.");
        return text.Length <= MaxTitleLength ? text
            : throw new DomainRuleViolated(DomainRule.OrderTitleTooLong, $"A title can have at most {MaxTitleLength} characters.", MaxTitleLength);
    }
}
