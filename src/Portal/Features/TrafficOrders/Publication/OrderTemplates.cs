using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.BackOffice;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.TrafficOrders;
using Portal.Domain.TrafficOrders.OrderTexts;
using Portal.Features.Accounts;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.TrafficOrders.Publishing;

/// <summary>
/// The work behind the template page: an officer's municipalities, the template in force (the product's
/// default until a municipality saves its own), checking and saving a new version, the versions saved, and
/// a preview on an example order. Another municipality's template is treated as not existing.
/// </summary>
internal sealed class OrderTemplates(PortalDbContext db, TenantAccess tenants, UserManager<PortalUser> users, TimeProvider clock, IStringLocalizer<Texts> T)
{
    public async Task<IReadOnlyList<MunicipalityChoice>> MunicipalitiesAsync(ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        return await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Name)
            .Select(m => new MunicipalityChoice(m.Id, m.Name)).ToListAsync(ct);
    }

    /// <summary>The template in force with its versions (newest first), or null when the municipality is not the officer's.</summary>
    public async Task<OrderTemplateView?> OpenAsync(ClaimsPrincipal officer, Guid municipalityId, CancellationToken ct = default)
    {
        if (!(await tenants.MunicipalitiesOfAsync(officer, ct)).Contains(municipalityId))
            return null;
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == municipalityId, ct);
        var versions = await db.OrderTemplateVersions.AsNoTracking().Where(v => v.MunicipalityId == municipalityId)
            .OrderByDescending(v => v.Version).ToListAsync(ct);
        var history = versions.Select((v, i) => new OrderTemplateHistoryEntry(v.Version, v.SavedAtUtc, v.SavedByName,
            OrderTemplateVersion.ChangedParts(i + 1 < versions.Count ? versions[i + 1].Template : OrderTextTemplate.Default, v.Template))).ToList();
        return new OrderTemplateView(municipality.Id, municipality.Name, municipality.Code.ToString(), versions.FirstOrDefault()?.Template ?? OrderTextTemplate.Default,
            versions.Count == 0, history);
    }

    /// <summary>Every message the form earns, per part, in the reader's language; empty when it can be saved.</summary>
    public IReadOnlyDictionary<OrderTemplatePart, IReadOnlyList<string>> Check(OrderTemplateForm form) =>
        form.ToTemplate().Problems().GroupBy(p => p.Part)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => RuleMessages.Text(T, p.Violation))]);

    /// <summary>Saves the form as the municipality's new version when it has no problems; returns the problems (nothing saved) or none.</summary>
    public async Task<OrderTemplateSave> SaveAsync(ClaimsPrincipal officer, Guid municipalityId, OrderTemplateForm form, CancellationToken ct = default)
    {
        if (!(await tenants.MunicipalitiesOfAsync(officer, ct)).Contains(municipalityId))
            throw new UnauthorizedAccessException("Not a municipality of the officer.");
        var problems = Check(form);
        if (problems.Count > 0)
            return new OrderTemplateSave(false, problems);
        var user = await users.GetUserAsync(officer) ?? throw new InvalidOperationException("Signed-in user not found.");
        var current = await db.OrderTemplateVersions.Where(v => v.MunicipalityId == municipalityId).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        var next = OrderTemplateVersion.Save(municipalityId, current, form.ToTemplate(), new TrafficOrderActor(user.Id, user.DisplayName), clock.GetUtcNow().UtcDateTime);
        if (next is null)
            return new OrderTemplateSave(false, new Dictionary<OrderTemplatePart, IReadOnlyList<string>>());
        db.OrderTemplateVersions.Add(next);
        await db.SaveChangesAsync(ct);
        return new OrderTemplateSave(true, new Dictionary<OrderTemplatePart, IReadOnlyList<string>>());
    }

    /// <summary>
    /// The template applied to an example order of two locations in the municipality, as it would read
    /// today: a direct order, a draft prepared publicly, or the final order after public preparation.
    /// </summary>
    public OrderDocument Preview(OrderTemplateView view, OrderTemplateForm form, TrafficOrderRoute route, bool draft)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DutchCalendar.Day(now);
        var actor = new TrafficOrderActor("preview", "Voorbeeld");
        var order = TrafficOrder.Draft(view.MunicipalityId, $"VB-{today.Year}-0000", "Laadplaatsen voorbeeldwijk", route, actor, now);
        order.AddLocation(Guid.NewGuid(), "Voorbeeldstraat", "12", Coordinate.FromRd(190_500, 444_300), 2, PlannedSign.ForCharging(SignBoard.E4), now);
        order.AddLocation(Guid.NewGuid(), "Voorbeeldplein", null, Coordinate.FromRd(190_720, 444_180), 2, PlannedSign.Create(SignBoard.E8, null, "ma-za 8-20 h", 120), now);
        if (route == TrafficOrderRoute.PublicPreparation && !draft)
        {
            var calendar = TermsCalendar();
            order.RecordPoliceConsultation(today.AddDays(-70), "Geen bezwaar.", actor, now);
            order.PublishDraft(Domain.TrafficOrders.Publication.Create(Domain.TrafficOrders.PublicationChannel.Gemeenteblad, today.AddDays(-65), "voorbeeld"), actor, now);
            order.Decide(today, actor, now, calendar);
        }
        else if (route == TrafficOrderRoute.Direct)
        {
            order.RecordPoliceConsultation(today, "Geen bezwaar.", actor, now);
            order.Decide(today, actor, now, TermsCalendar());
        }
        var input = new OrderTextInput(view.MunicipalityName, view.MunicipalityCode, form.ToTemplate(), RoadTrafficInterests.UsualForCharging, null,
            Domain.TrafficOrders.PublicationChannel.Gemeenteblad, today.AddDays(1));
        return OrderTextRenderer.Render(order, input, TermsCalendar());
    }

    private static Domain.Terms.TermsCalendar TermsCalendar() => Domain.Terms.TermsCalendar.Default;
}

internal sealed record OrderTemplateView(Guid MunicipalityId, string MunicipalityName, string MunicipalityCode, OrderTextTemplate Template, bool IsDefault,
    IReadOnlyList<OrderTemplateHistoryEntry> History);

internal sealed record OrderTemplateHistoryEntry(int Version, DateTime SavedAtUtc, string SavedByName, IReadOnlyList<OrderTemplatePart> ChangedParts);

/// <summary>What saving did: saved a new version, or not (with the problems per part; none when nothing changed).</summary>
internal sealed record OrderTemplateSave(bool Saved, IReadOnlyDictionary<OrderTemplatePart, IReadOnlyList<string>> Problems);
