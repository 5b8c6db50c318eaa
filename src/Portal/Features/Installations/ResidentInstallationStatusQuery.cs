using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.Installations;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Installations;

/// <summary>
/// The sentence on a resident's application page about the installation on the spot their application led to
/// (<see cref="ResidentInstallationStatus"/>), in plain words: "De netaansluiting is op 3 maart aangevraagd; de
/// netbeheerder heeft tot 7 juli." The caller has checked that the application is the resident's own.
/// </summary>
internal sealed class ResidentInstallationStatusQuery(PortalDbContext db, TimeProvider clock, IStringLocalizer<Texts> T)
{
    /// <summary>The sentence for the spot's latest case, or null when the spot has none.</summary>
    public async Task<string?> SentenceForSpotAsync(Guid spotId, CancellationToken ct = default)
    {
        var installation = await db.InstallationCases.AsNoTracking().Include(c => c.Steps)
            .Where(c => c.SpotId == spotId).OrderByDescending(c => c.CreatedAtUtc).FirstOrDefaultAsync(ct);
        if (installation is null)
            return null;
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        return Sentence(T, ResidentInstallationStatus.Of(installation, today), today);
    }

    public static string Sentence(IStringLocalizer<Texts> T, ResidentInstallationStatus status, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(status);
        var on = status.On is { } day ? Day(day, today) : "";
        return status.Stage == ResidentInstallationStage.GridConnectionRequested && status.Until is { } until
            ? T["ResidentInstallation.GridConnectionRequestedUntil", on, Day(until, today)]
            : T[$"ResidentInstallation.{status.Stage}", on];
    }

    /// <summary>"3 maart" in the current year, "3 maart 2027" in another.</summary>
    private static string Day(DateOnly day, DateOnly today) =>
        day.ToString(day.Year == today.Year ? "d MMMM" : "d MMMM yyyy", CultureInfo.CurrentCulture);
}
