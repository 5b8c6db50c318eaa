using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Spots;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using Portal.Features.Accounts;
using Portal.Features.TrafficOrders.Public;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.TrafficOrders;

/// <summary>
/// An officer's work on traffic orders: drafting one from spots, and taking it through its steps. Every call
/// is limited to the municipalities the officer belongs to: an order of another municipality is treated as
/// not existing. Each step is the Domain's rule; this service loads, checks the tenant, and saves.
/// </summary>
internal sealed partial class TrafficOrderService(PortalDbContext db, TenantAccess tenants, UserManager<PortalUser> users,
    IOptions<TrafficOrderOptions> options, TrafficOrderSpots spotsOfOrders, TrafficOrderApplicantMailer applicants, TimeProvider clock, IStringLocalizer<Texts> T)
{
    public TermsCalendar Calendar { get; } = TermsCalendar.Default.With(options.Value.EquatedDays);

    /// <summary>
    /// A new draft order with one location per chosen spot, copied from the spot (street, nearest house number,
    /// RD coordinates, bays) with the chosen board and the charging sub-sign. A spot already in another live
    /// order, or not approved or reserved, is refused with its address; an amending order may take over the
    /// spots of the order it amends.
    /// </summary>
    public async Task<TrafficOrderStep> DraftAsync(ClaimsPrincipal officer, TrafficOrderDraft draft, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        if (!municipalities.Contains(draft.MunicipalityId))
            throw new UnauthorizedAccessException("Not a municipality of the officer.");
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var amended = draft.AmendsOrderId is { } amendsId
                ? await db.TrafficOrders.AsNoTracking().Include(o => o.Locations).SingleOrDefaultAsync(o => o.Id == amendsId && o.MunicipalityId == draft.MunicipalityId, ct)
                    ?? throw new UnauthorizedAccessException("Not an order of the municipality.")
                : null;
            var takenOver = amended?.Locations.Select(l => l.SpotId).ToHashSet() ?? [];
            var wanted = draft.SpotIds.Distinct().ToList();
            if (wanted.Count == 0)
                throw new DomainRuleViolated(DomainRule.OrderHasNoLocations, "Choose at least one spot.");
            var spots = await db.Spots.Where(s => s.MunicipalityId == draft.MunicipalityId && wanted.Contains(s.Id)).ToListAsync(ct);
            if (spots.Count != wanted.Count)
                throw new UnauthorizedAccessException("Not a spot of the order's municipality.");
            var taken = await (
                from location in db.Set<TrafficOrderLocation>()
                join order in db.TrafficOrders on location.TrafficOrderId equals order.Id
                where order.Status != TrafficOrderStatus.Withdrawn && wanted.Contains(location.SpotId) && order.Id != draft.AmendsOrderId
                select new { location.SpotId, order.Reference }).FirstOrDefaultAsync(ct);
            if (taken is not null)
            {
                var address = spots.Single(s => s.Id == taken.SpotId).Address;
                throw new DomainRuleViolated(DomainRule.SpotInAnotherLiveOrder, $"The spot at {address} is already in order {taken.Reference}.", address, taken.Reference);
            }
            if (spots.FirstOrDefault(s => !takenOver.Contains(s.Id) && !SpotStatusRule.CanBeOrdered(s.Status)) is { } notReady)
                throw new DomainRuleViolated(DomainRule.SpotNotReadyForOrder, $"The spot at {notReady.Address} is {notReady.Status}; an order reserves approved or reserved spots.", notReady.Address, notReady.Status);

            var reference = await NextReferenceAsync(draft.MunicipalityId, now, ct);
            var drafted = amended is null
                ? TrafficOrder.Draft(draft.MunicipalityId, reference, draft.Title, draft.Route, await ActorAsync(officer), now)
                : TrafficOrder.DraftAmendment(amended, reference, draft.Title, draft.Route, await ActorAsync(officer), now);
            var sign = PlannedSign.ForCharging(draft.Board);
            foreach (var spot in spots.OrderBy(s => s.Address, StringComparer.Ordinal))
            {
                var (street, number) = SplitAddress(spot.Address);
                drafted.AddLocation(spot.Id, street, number, spot.Position, spot.Bays, sign, now);
            }
            db.TrafficOrders.Add(drafted);
            await db.SaveChangesAsync(ct);
            return new TrafficOrderStep(drafted.Id, null);
        }
        catch (DomainRuleViolated e)
        {
            return new TrafficOrderStep(null, RuleMessages.Text(T, e));
        }
    }

    /// <summary>The order with its locations, objections and history, or null when it is not one of the officer's municipalities.</summary>
    public async Task<TrafficOrder?> FindAsync(ClaimsPrincipal officer, Guid id, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        return await db.TrafficOrders.Include(o => o.Locations).Include(o => o.Objections).Include(o => o.History)
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == id && municipalities.Contains(o.MunicipalityId), ct);
    }

    public Task<TrafficOrderStep> RecordPoliceConsultationAsync(ClaimsPrincipal officer, Guid id, DateOnly consultedOn, string? answer, CancellationToken ct = default) =>
        StepAsync(officer, id, (order, actor, now) => order.RecordPoliceConsultation(consultedOn, answer, actor, now), ct);

    public Task<TrafficOrderStep> PublishDraftAsync(ClaimsPrincipal officer, Guid id, PublicationChannel channel, DateOnly publishedOn, string? journalReference, CancellationToken ct = default) =>
        StepAsync(officer, id, (order, actor, now) => order.PublishDraft(Publication.Create(channel, publishedOn, journalReference), actor, now), ct);

    public Task<TrafficOrderStep> DecideAsync(ClaimsPrincipal officer, Guid id, DateOnly decidedOn, CancellationToken ct = default) =>
        StepAsync(officer, id, (order, actor, now) => order.Decide(decidedOn, actor, now, Calendar), ct);

    /// <summary>Records the publication; the applicants whose spots are in the order are mailed the last day for objections.</summary>
    public Task<TrafficOrderStep> PublishAsync(ClaimsPrincipal officer, Guid id, PublicationChannel channel, DateOnly publishedOn, string? journalReference, CancellationToken ct = default) =>
        StepAsync(officer, id, (order, actor, now) => order.Publish(Publication.Create(channel, publishedOn, journalReference), actor, now), ct,
            order => applicants.EnqueuePublishedAsync(order, order.ObjectionTerm(Calendar)!.LastDay, ct));

    /// <summary>
    /// Lets installation start at a spot of a published order before it is final: an objection does not
    /// suspend the order (Awb 6:16), so the officer may take the risk, with a reason that is kept.
    /// </summary>
    public async Task<TrafficOrderStep> StartInstallationBeforeFinalAsync(ClaimsPrincipal officer, Guid id, Guid spotId, string? reason, CancellationToken ct = default)
    {
        if (await FindAsync(officer, id, ct) is not { } order || order.Locations.All(l => l.SpotId != spotId))
            throw new UnauthorizedAccessException("Not an order of the officer's municipalities, or not a spot of the order.");
        try
        {
            if (order.Status is not (TrafficOrderStatus.Published or TrafficOrderStatus.ObjectionsReceived))
                throw new DomainRuleViolated(DomainRule.InstallationBeforePublication, "Installation can start once the order is published.");
            var spot = await db.Spots.Include(s => s.History).SingleAsync(s => s.Id == spotId, ct);
            var actor = await ActorAsync(officer);
            spot.StartInstallationBeforeFinal(order.Reference, reason, new SpotActor(actor.UserId, actor.Name), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            spotsOfOrders.Saved(order);
            return new TrafficOrderStep(order.Id, null);
        }
        catch (DomainRuleViolated e)
        {
            return new TrafficOrderStep(order.Id, RuleMessages.Text(T, e));
        }
    }

    public Task<TrafficOrderStep> MarkSignsPlacedAsync(ClaimsPrincipal officer, Guid id, Guid spotId, CancellationToken ct = default) =>
        StepAsync(officer, id, (order, _, now) => order.MarkSignsPlaced(spotId, now), ct);

    public Task<TrafficOrderStep> WithdrawAsync(ClaimsPrincipal officer, Guid id, string? reason, CancellationToken ct = default) =>
        StepAsync(officer, id, (order, actor, now) => order.Withdraw(reason, actor, now), ct);

    /// <summary>
    /// Every order whose term lapsed with every objection decided becomes final, recorded as done by the
    /// portal. Run daily; running it twice changes nothing. Returns how many became final.
    /// </summary>
    public async Task<int> MakeFinalWhereDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DutchCalendar.Day(now);
        var candidates = await db.TrafficOrders.Include(o => o.Locations).Include(o => o.Objections).Include(o => o.History).AsSplitQuery()
            .Where(o => o.Status == TrafficOrderStatus.Published || o.Status == TrafficOrderStatus.ObjectionsReceived)
            .ToListAsync(ct);
        var due = candidates.Where(o => o.WhyNotFinal(today, Calendar) is null).ToList();
        foreach (var order in due)
        {
            order.BecomeFinal(today, TrafficOrderActor.Portal, now, Calendar);
            await spotsOfOrders.FollowAsync(order, TrafficOrderActor.Portal, now, ct);
            await applicants.EnqueueFinalAsync(order, ct);
        }
        await db.SaveChangesAsync(ct);
        foreach (var order in due)
            spotsOfOrders.Saved(order);
        return due.Count;
    }

    private async Task<TrafficOrderStep> StepAsync(ClaimsPrincipal officer, Guid id, Action<TrafficOrder, TrafficOrderActor, DateTime> step, CancellationToken ct,
        Func<TrafficOrder, Task>? beforeSave = null)
    {
        if (await FindAsync(officer, id, ct) is not { } order)
            throw new UnauthorizedAccessException("Not an order of the officer's municipalities.");
        try
        {
            var actor = await ActorAsync(officer);
            var now = clock.GetUtcNow().UtcDateTime;
            step(order, actor, now);
            await spotsOfOrders.FollowAsync(order, actor, now, ct);
            if (beforeSave is not null)
                await beforeSave(order);
            await db.SaveChangesAsync(ct);
            spotsOfOrders.Saved(order);
            return new TrafficOrderStep(order.Id, null);
        }
        catch (DomainRuleViolated e)
        {
            return new TrafficOrderStep(order.Id, RuleMessages.Text(T, e));
        }
    }

    /// <summary>"VB-2026-0007": the municipality's orders of the (Dutch) year, numbered on.</summary>
    private async Task<string> NextReferenceAsync(Guid municipalityId, DateTime nowUtc, CancellationToken ct)
    {
        var prefix = YearlyReference.Prefix("VB", DutchCalendar.Day(nowUtc).Year);
        return YearlyReference.Next(prefix, await db.TrafficOrders.AsNoTracking()
            .Where(o => o.MunicipalityId == municipalityId && o.Reference.StartsWith(prefix))
            .Select(o => o.Reference).ToListAsync(ct));
    }

    /// <summary>"Sonsbeekweg 12a" → ("Sonsbeekweg", "12a"); an address without a house number stays whole.</summary>
    internal static (string Street, string? HouseNumber) SplitAddress(string address)
    {
        var match = TrailingHouseNumber().Match(address.Trim());
        return match.Success ? (match.Groups["street"].Value.Trim(), match.Groups["number"].Value) : (address.Trim(), null);
    }

    [GeneratedRegex(@"^(?<street>.*\D)\s+(?<number>\d+\s?[A-Za-z]?(-\w+)?)$")]
    private static partial Regex TrailingHouseNumber();

    private async Task<TrafficOrderActor> ActorAsync(ClaimsPrincipal officer)
    {
        var user = await users.GetUserAsync(officer) ?? throw new InvalidOperationException("Signed-in user not found.");
        return new TrafficOrderActor(user.Id, user.DisplayName);
    }
}
