using Portal.Domain.Common;
using Portal.Domain.Terms;

namespace Portal.Domain.Installations.Maintenance;

/// <summary>
/// A planned-maintenance window a CPO declared for one of its EVSEs, stored with the moment it was announced (which
/// decides whether it qualifies, <see cref="MaintenanceWindow.Qualifies"/>). A cancelled window is kept with who
/// cancelled it and when, so the evidence of what was announced stays.
/// </summary>
public sealed class DeclaredMaintenanceWindow
{
    public const int MaxEvseUidLength = 36, MaxNameLength = 200;

    private DeclaredMaintenanceWindow() { }

    public Guid Id { get; private set; }
    public Guid OperatorId { get; private set; }
    public Guid ChargeLocationId { get; private set; }
    public string EvseUid { get; private set; } = "";
    public DateTime StartsAtUtc { get; private set; }
    public DateTime EndsAtUtc { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime AnnouncedAtUtc { get; private set; }
    public string AnnouncedByUserId { get; private set; } = "";
    public string AnnouncedByName { get; private set; } = "";
    public DateTime? CancelledAtUtc { get; private set; }
    public string? CancelledByUserId { get; private set; }
    public string? CancelledByName { get; private set; }

    public bool IsCancelled => CancelledAtUtc is not null;

    public MaintenanceWindow Window => new(EvseUid, StartsAtUtc, EndsAtUtc, Reason, AnnouncedAtUtc);

    /// <summary>Whether the window counts as evidence for the planned-maintenance exclusion: announced in time and not cancelled.</summary>
    public bool Qualifies(TermsCalendar calendar) => !IsCancelled && Window.Qualifies(calendar);

    /// <summary>Declares a window now; the Domain's <see cref="MaintenanceWindow"/> checks the times and the reason.</summary>
    public static DeclaredMaintenanceWindow Declare(Guid operatorId, Guid chargeLocationId, string evseUid, DateTime startsAtUtc, DateTime endsAtUtc,
        string? reason, string announcedByUserId, string announcedByName, DateTime nowUtc)
    {
        var window = new MaintenanceWindow(evseUid, startsAtUtc, endsAtUtc, reason, nowUtc);
        if (window.EvseUid.Length > MaxEvseUidLength)
            throw new DomainRuleViolated(DomainRule.InstallationTextTooLong, $"At most {MaxEvseUidLength} characters.", MaxEvseUidLength);
        return new DeclaredMaintenanceWindow
        {
            Id = Guid.NewGuid(),
            OperatorId = operatorId,
            ChargeLocationId = chargeLocationId,
            EvseUid = window.EvseUid,
            StartsAtUtc = window.StartsAtUtc,
            EndsAtUtc = window.EndsAtUtc,
            Reason = window.Reason,
            AnnouncedAtUtc = nowUtc,
            AnnouncedByUserId = announcedByUserId,
            AnnouncedByName = Limit(announcedByName),
        };
    }

    public void Cancel(string userId, string name, DateTime nowUtc)
    {
        if (IsCancelled)
            throw new DomainRuleViolated(DomainRule.MaintenanceWindowCancelled, "This window was already cancelled.");
        CancelledAtUtc = nowUtc;
        CancelledByUserId = userId;
        CancelledByName = Limit(name);
    }

    private static string Limit(string name) => name.Length <= MaxNameLength ? name : name[..MaxNameLength];
}
