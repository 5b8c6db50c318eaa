using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Accounts;
using Portal.Hosting;
using Portal.Integration.Mail;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Admin;

/// <summary>
/// Mails every administrator when a CPO starts refusing our token (the connection became Failing),
/// with the error, its X-Request-ID and a link to the connection. Queued in the outbox of the unit of
/// work that saves the status change; the dedupe key holds the moment of the breakdown, so a retried
/// save cannot mail the same breakdown twice while a later breakdown is mailed again.
/// </summary>
internal sealed class FailingConnectionMailer(
    PortalDbContext db,
    MailOutbox outbox,
    IStringLocalizer<Texts> T,
    PublicUrl portal,
    TimeProvider clock) : IOcpiConnectionAlerts
{
    // The mail goes to several administrators whose language we do not know, and the job that pulls
    // has no request culture: always the portal's default language.
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");

    public async Task ConnectionFailingAsync(OcpiConnection connection, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var admins = (await db.Users.AsNoTracking()
                .Where(u => u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id
                    && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == PortalRoles.Admin)))
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.LockoutEnd })
                .ToListAsync(ct))
            // Blocked accounts are left out; compared here, as SQLite cannot compare DateTimeOffset.
            .Where(a => a.LockoutEnd is null || a.LockoutEnd <= now)
            .OrderBy(a => a.Email, StringComparer.Ordinal)
            .ToList();
        var link = portal.For($"/admin/ocpi/{connection.Id}");
        var since = (connection.LastErrorAtUtc ?? connection.UpdatedAtUtc).Ticks.ToString(CultureInfo.InvariantCulture);

        foreach (var admin in admins)
        {
            var (subject, body) = Compose(connection, admin.DisplayName, link);
            await outbox.EnqueueAsync(new OutgoingMail(admin.Email!, admin.DisplayName, subject, body), $"ocpi-failing:{connection.Id}:{since}:{admin.Id}", ct);
        }
    }

    private (string Subject, string Body) Compose(OcpiConnection connection, string name, string link)
    {
        using var _ = LocalizationRegistration.UseCulture(Dutch);
        var party = $"{connection.CountryCode}*{connection.PartyId}";
        var when = connection.LastErrorAtUtc is { } at ? Format.DateTime(at) : "";
        var subject = T["Mail.OcpiFailing.Subject", connection.Name, party];
        var body = T["Mail.OcpiFailing.Body", name, connection.Name, party, connection.LastError ?? "", connection.LastErrorRequestId ?? "—", when, link];
        return (subject, body);
    }
}
