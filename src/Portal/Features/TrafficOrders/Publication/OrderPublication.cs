using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.TrafficOrders;
using Portal.Domain.TrafficOrders.OrderTexts;
using Portal.Features.Accounts;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Integration.TrafficOrders;
using Portal.Resources;

namespace Portal.Features.TrafficOrders.Publishing;

/// <summary>
/// The publication package of an order (its text as PDF, HTML and JSON metadata), the officer's choices for
/// that text, and the sign register. Limited to the officer's municipalities: another municipality's order
/// is treated as not existing. The text is rendered from the template that applied when the order was
/// published (before that: the current one), so a published order's package never changes.
/// </summary>
internal sealed class OrderPublication(PortalDbContext db, TenantAccess tenants, UserManager<PortalUser> users, TrafficOrderService orders,
    IOptions<PublicationOptions> options, TimeProvider clock, IStringLocalizer<Texts> T)
{
    /// <summary>
    /// The order's text, or null when it is not an order of the officer's municipalities. Before publication the
    /// term is reckoned from <paramref name="plannedPublication"/> (without it: the next working day).
    /// </summary>
    public async Task<OrderDocument?> DocumentAsync(ClaimsPrincipal officer, Guid orderId, DateOnly? plannedPublication = null, CancellationToken ct = default)
    {
        if (await orders.FindAsync(officer, orderId, ct) is not { } order)
            return null;
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == order.MunicipalityId, ct);
        var versions = await db.OrderTemplateVersions.AsNoTracking().Where(v => v.MunicipalityId == order.MunicipalityId).ToListAsync(ct);
        var choices = await db.OrderTextChoices.AsNoTracking().SingleOrDefaultAsync(c => c.TrafficOrderId == orderId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var template = OrderTemplateVersion.InForceAt(versions, FixedAt(order) ?? now);
        var (interests, motivation) = choices is null ? OrderTextChoices.Usual : (choices.Interests, choices.Motivation);
        var input = new OrderTextInput(municipality.Name, municipality.Code.ToString(), template, interests, motivation, options.Value.Channel,
            plannedPublication ?? NextWorkingDay(DutchCalendar.Day(now)));
        return OrderTextRenderer.Render(order, input, orders.Calendar);
    }

    /// <summary>What the officer chose for the order's text (or the usual choice), and whether it can still change; null when not the officer's order.</summary>
    public async Task<OrderTextChoicesView?> ChoicesAsync(ClaimsPrincipal officer, Guid orderId, CancellationToken ct = default)
    {
        if (await orders.FindAsync(officer, orderId, ct) is not { } order)
            return null;
        var choices = await db.OrderTextChoices.AsNoTracking().SingleOrDefaultAsync(c => c.TrafficOrderId == orderId, ct);
        var (interests, motivation) = choices is null ? OrderTextChoices.Usual : (choices.Interests, choices.Motivation);
        return new OrderTextChoicesView(order.Reference, order.Status, interests, motivation, OrderTextChoices.CanChange(order.Status),
            NextWorkingDay(DutchCalendar.Day(clock.GetUtcNow().UtcDateTime)), order.PublishedOn ?? order.DraftPublishedOn);
    }

    /// <summary>Saves the interests and motivation; null when saved, otherwise why not in the reader's language.</summary>
    public async Task<string?> SaveChoicesAsync(ClaimsPrincipal officer, Guid orderId, IReadOnlyCollection<RoadTrafficInterest> interests, string? motivation, CancellationToken ct = default)
    {
        if (await orders.FindAsync(officer, orderId, ct) is not { } order)
            throw new UnauthorizedAccessException("Not an order of the officer's municipalities.");
        var user = await users.GetUserAsync(officer) ?? throw new InvalidOperationException("Signed-in user not found.");
        var actor = new TrafficOrderActor(user.Id, user.DisplayName);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var choices = await db.OrderTextChoices.SingleOrDefaultAsync(c => c.TrafficOrderId == orderId, ct);
            if (choices is null)
                db.OrderTextChoices.Add(OrderTextChoices.Make(order, interests, motivation, actor, now));
            else
                choices.Change(order, interests, motivation, actor, now);
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainRuleViolated e)
        {
            return RuleMessages.Text(T, e);
        }
    }

    /// <summary>The sign register rows of one order, or null when it is not the officer's.</summary>
    public async Task<IReadOnlyList<SignRegisterRow>?> SignsOfOrderAsync(ClaimsPrincipal officer, Guid orderId, CancellationToken ct = default) =>
        await orders.FindAsync(officer, orderId, ct) is { } order ? SignRegister.Rows([order]) : null;

    /// <summary>
    /// The sign register of a municipality: every location of its orders that are not withdrawn. Without a
    /// municipality, every municipality of the officer; null when the municipality is not the officer's.
    /// </summary>
    public async Task<IReadOnlyList<SignRegisterRow>?> SignsOfMunicipalityAsync(ClaimsPrincipal officer, Guid? municipalityId, CancellationToken ct = default)
    {
        var mine = await tenants.MunicipalitiesOfAsync(officer, ct);
        if (municipalityId is { } wanted && !mine.Contains(wanted))
            return null;
        IReadOnlyList<Guid> chosen = municipalityId is { } one ? [one] : mine;
        var live = await db.TrafficOrders.AsNoTracking().Include(o => o.Locations)
            .Where(o => chosen.Contains(o.MunicipalityId) && o.Status != TrafficOrderStatus.Withdrawn)
            .ToListAsync(ct);
        return SignRegister.Rows(live);
    }

    /// <summary>When the order's text was fixed: at its (draft's) publication, as its history records.</summary>
    private static DateTime? FixedAt(TrafficOrder order)
    {
        var fixedBy = order.Route == TrafficOrderRoute.PublicPreparation && order.DecidedOn is null ? TrafficOrderStatus.DraftPublished : TrafficOrderStatus.Published;
        return order.History.Where(h => h.To == fixedBy).Select(h => (DateTime?)h.AtUtc).Max();
    }

    private DateOnly NextWorkingDay(DateOnly today)
    {
        var day = today.AddDays(1);
        while (orders.Calendar.IsRestDay(day))
            day = day.AddDays(1);
        return day;
    }
}

/// <summary>The text choices of an order as the officer sees them.</summary>
internal sealed record OrderTextChoicesView(
    string Reference,
    TrafficOrderStatus Status,
    IReadOnlyList<RoadTrafficInterest> Interests,
    string? Motivation,
    bool CanChange,
    DateOnly SuggestedPublicationDay,
    DateOnly? PublishedOn);
