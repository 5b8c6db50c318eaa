using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Components.Shared;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Domain.Installations.Maintenance;
using Portal.Domain.Terms;
using Portal.Features.Accounts;
using Portal.Features.TrafficOrders;
using Portal.Integration.Accounts;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Installations.Maintenance;

/// <summary>What the declare form sends: an EVSE of the CPO's, start and end in Dutch local time, and the reason.</summary>
public sealed class MaintenanceWindowForm
{
    /// <summary>"{location id}|{EVSE uid}", one option of the form's list.</summary>
    public string? Evse { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The result of declaring or cancelling: nothing, or the problem in the reader's language with nothing saved.</summary>
public sealed record MaintenanceStepResult(string? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>An EVSE the CPO can declare a window for.</summary>
public sealed record MaintenanceEvseOption(Guid LocationId, string EvseUid, string Label)
{
    public string Value => $"{LocationId}|{EvseUid}";
}

/// <summary>A declared window as the list shows it: whether it qualifies and how it compares with the received <c>status_schedule</c>.</summary>
public sealed record MaintenanceWindowRow(DeclaredMaintenanceWindow Window, string Address, string EvseLabel, bool Qualifies, DateOnly LastDayToAnnounce,
    ScheduleMatchOutcome Schedule, IReadOnlyList<ScheduledStatus> ScheduleEntries);

/// <summary>
/// Planned-maintenance windows a CPO declares for its own EVSEs (only a CPO user of the location's operator declares
/// and cancels; anyone else is refused with <see cref="UnauthorizedAccessException"/>). Each row says whether the window
/// qualifies (5 working days' notice by the terms calendar) and compares it with the EVSE's <c>status_schedule</c> in
/// the last OCPI Location the portal received (<see cref="StatusScheduleMatch"/>).
/// </summary>
internal sealed class MaintenanceWindowService(PortalDbContext db, TenantAccess tenants, UserManager<PortalUser> users,
    IOptions<TrafficOrderOptions> orderOptions, TimeProvider clock, IStringLocalizer<Texts> T)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The traffic orders' terms calendar, with the days equated by royal decree the municipality configured.</summary>
    private TermsCalendar Calendar => TermsCalendar.Default.With(orderOptions.Value.EquatedDays);

    public async Task<IReadOnlyList<MaintenanceEvseOption>> EvsesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await tenants.OperatorOfAsync(user, ct) is not { } operatorId)
            return [];
        var evses = await (
            from location in db.ChargeLocations.AsNoTracking()
            where location.OperatorId == operatorId
            from evse in location.Evses
            where evse.Status != EvseStatus.Removed
            select new { location.Id, location.Address, location.City, evse.Uid, evse.EvseId }).ToListAsync(ct);
        return evses.Select(e => new MaintenanceEvseOption(e.Id, e.Uid, $"{e.Address}, {e.City}: {e.EvseId ?? e.Uid}"))
            .OrderBy(e => e.Label, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The operator's windows, upcoming and running first (by start), then past and cancelled ones (newest first).</summary>
    public async Task<IReadOnlyList<MaintenanceWindowRow>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await tenants.OperatorOfAsync(user, ct) is not { } operatorId)
            return [];
        var windows = await db.MaintenanceWindows.AsNoTracking().Where(w => w.OperatorId == operatorId).ToListAsync(ct);
        var locationIds = windows.Select(w => w.ChargeLocationId).Distinct().ToList();
        var locations = await db.ChargeLocations.AsNoTracking().Include(l => l.Evses).Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var sourceIds = locations.Values.Select(l => l.SourceId).ToList();
        var snapshots = await db.OcpiLocationSnapshots.AsNoTracking().Where(s => sourceIds.Contains(s.LocationSourceId))
            .ToDictionaryAsync(s => s.LocationSourceId, s => s.RawJson, ct);
        var schedules = new Dictionary<(Guid, string), IReadOnlyList<ScheduledStatus>>();
        IReadOnlyList<ScheduledStatus> ScheduleOf(ChargeLocation location, string evseUid)
        {
            if (!schedules.TryGetValue((location.Id, evseUid), out var schedule))
                schedules[(location.Id, evseUid)] = schedule = snapshots.TryGetValue(location.SourceId, out var json) ? Read(json, evseUid) : [];
            return schedule;
        }
        var now = Now;
        var calendar = Calendar;
        return windows
            .OrderBy(w => w.IsCancelled || w.EndsAtUtc < now)
            .ThenBy(w => w.IsCancelled || w.EndsAtUtc < now ? -w.StartsAtUtc.Ticks : w.StartsAtUtc.Ticks)
            .Select(w =>
            {
                var location = locations[w.ChargeLocationId];
                var evse = location.Evses.FirstOrDefault(e => e.Uid == w.EvseUid);
                var schedule = ScheduleOf(location, w.EvseUid);
                return new MaintenanceWindowRow(w, $"{location.Address}, {location.City}", evse?.EvseId ?? w.EvseUid, w.Qualifies(calendar),
                    w.Window.LastDayToAnnounce(calendar), StatusScheduleMatch.Compare(w.StartsAtUtc, w.EndsAtUtc, schedule), schedule);
            }).ToList();
    }

    public async Task<MaintenanceStepResult> DeclareAsync(ClaimsPrincipal user, MaintenanceWindowForm form, CancellationToken ct = default)
    {
        var operatorId = await tenants.OperatorOfAsync(user, ct) ?? throw new UnauthorizedAccessException("Only a CPO user declares maintenance.");
        var parts = (form.Evse ?? "").Split('|', 2);
        if (parts.Length != 2 || !Guid.TryParse(parts[0], out var locationId))
            return new MaintenanceStepResult(T["Maintenance.EvseRequired"]);
        var location = await db.ChargeLocations.AsNoTracking().Include(l => l.Evses).SingleOrDefaultAsync(l => l.Id == locationId, ct);
        if (location is null || location.OperatorId != operatorId)
            throw new UnauthorizedAccessException("Not an EVSE of the user's operator.");
        if (location.Evses.All(e => e.Uid != parts[1]))
            return new MaintenanceStepResult(T["Maintenance.EvseRequired"]);
        if (form.StartsAt is not { } starts || form.EndsAt is not { } ends)
            return new MaintenanceStepResult(T["Maintenance.TimesRequired"]);
        var person = await users.GetUserAsync(user) ?? throw new InvalidOperationException("Signed-in user not found.");
        try
        {
            var window = DeclaredMaintenanceWindow.Declare(operatorId, location.Id, parts[1], Utc(starts), Utc(ends), form.Reason, person.Id, person.DisplayName, Now);
            db.MaintenanceWindows.Add(window);
        }
        catch (DomainRuleViolated e)
        {
            return new MaintenanceStepResult(RuleMessages.Text(T, e));
        }
        await db.SaveChangesAsync(ct);
        return new MaintenanceStepResult(null);
    }

    public async Task<MaintenanceStepResult> CancelAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        var operatorId = await tenants.OperatorOfAsync(user, ct) ?? throw new UnauthorizedAccessException("Only a CPO user cancels maintenance.");
        var window = await db.MaintenanceWindows.SingleOrDefaultAsync(w => w.Id == id, ct);
        if (window is null || window.OperatorId != operatorId)
            throw new UnauthorizedAccessException("Not a window of the user's operator.");
        var person = await users.GetUserAsync(user) ?? throw new InvalidOperationException("Signed-in user not found.");
        try
        {
            window.Cancel(person.Id, person.DisplayName, Now);
        }
        catch (DomainRuleViolated e)
        {
            return new MaintenanceStepResult(RuleMessages.Text(T, e));
        }
        await db.SaveChangesAsync(ct);
        return new MaintenanceStepResult(null);
    }

    /// <summary>A time typed on a Dutch clock, as UTC.</summary>
    private static DateTime Utc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), DutchCalendar.TimeZone);

    /// <summary>The EVSE's status_schedule in the stored Location JSON; none when the JSON has none or cannot be read.</summary>
    private static IReadOnlyList<ScheduledStatus> Read(string json, string evseUid)
    {
        try
        {
            var location = JsonSerializer.Deserialize<Location>(json, OcpiJson.Options);
            var evse = location?.Evses?.FirstOrDefault(e => string.Equals(e.Uid, evseUid, StringComparison.OrdinalIgnoreCase));
            return evse?.StatusSchedule?.Select(s => new ScheduledStatus(s.PeriodBegin, s.PeriodEnd, s.Status)).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
