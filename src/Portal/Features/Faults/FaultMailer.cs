using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.ChargePoints;
using Portal.Domain.Faults;
using Portal.Hosting;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Faults;

/// <summary>
/// The mails of a fault report, put in the outbox of the same save: to every user of the location's CPO when it
/// arrives (each in their own language, with a link to their list), and the CPO's answer to the reporter when resolved,
/// if they left an address (in the language of the page they reported on).
/// </summary>
internal sealed class FaultMailer(PortalDbContext db, MailOutbox outbox, PublicUrl portal, IStringLocalizer<Texts> T)
{
    public async Task EnqueueReceivedAsync(FaultReport report, ChargeLocation location, CancellationToken ct = default)
    {
        if (report.OperatorId is not { } operatorId)
            return;
        var cpoUsers = await db.Users.AsNoTracking().Where(u => u.OperatorId == operatorId && u.Email != null)
            .Select(u => new { u.Id, Email = u.Email!, u.DisplayName, u.PreferredCulture }).ToListAsync(ct);
        var link = portal.For(FaultPaths.CpoList);
        foreach (var user in cpoUsers)
        {
            using (LocalizationRegistration.UseCulture(LocalizationRegistration.CultureOf(user.PreferredCulture)))
            {
                var mail = new OutgoingMail(user.Email, user.DisplayName,
                    T["Fault.Mail.Received.Subject", report.Reference, location.Address],
                    T["Fault.Mail.Received.Body", user.DisplayName, report.Reference, $"{location.Address}, {location.City}", report.EvseUid ?? T["Fault.AnyEvse"].Value,
                        T[$"FaultKind.{report.Kind}"], report.Description, Moment(report.NoticedAtUtc), Hours(report.MaxResponseHours), Hours(report.MaxRepairHours), link]);
                await outbox.EnqueueAsync(mail, $"fault:{report.Id:N}:received:{user.Id}", ct);
            }
        }
    }

    public async Task EnqueueAnswerAsync(FaultReport report, CancellationToken ct = default)
    {
        if (report.ReporterEmail is not { } email || report.Answer is null)
            return;
        var address = await db.ChargeLocations.AsNoTracking().Where(l => l.Id == report.ChargeLocationId).Select(l => l.Address + ", " + l.City).SingleAsync(ct);
        using (LocalizationRegistration.UseCulture(LocalizationRegistration.CultureOf(report.Language)))
        {
            var mail = new OutgoingMail(email, email,
                T["Fault.Mail.Answer.Subject", report.Reference],
                T["Fault.Mail.Answer.Body", report.Reference, address, Moment(report.ReportedAtUtc), report.Answer, portal.For($"/laadpunten/{report.ChargeLocationId}")]);
            await outbox.EnqueueAsync(mail, $"fault:{report.Id:N}:answer", ct);
        }
    }

    private static string Moment(DateTime utc) => Components.Shared.Format.DateTime(utc);

    private string Hours(decimal? hours) => hours is { } h ? T["Fault.Hours", h.ToString("0.##", CultureInfo.CurrentCulture)] : T["Fault.NoTerm"];
}

/// <summary>The back-office addresses of fault reports and maintenance windows.</summary>
internal static class FaultPaths
{
    public const string CpoList = "/cpo/storingen";
    public const string OfficerList = "/beheer/storingen";
    public const string Maintenance = "/cpo/onderhoud";
}
