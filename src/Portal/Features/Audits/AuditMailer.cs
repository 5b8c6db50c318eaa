using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Audits.Runs;
using Portal.Hosting;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Audits;

/// <summary>Tells the run's operator's users, through the outbox of the same save and each in their own language, that a run was computed or signed.</summary>
internal sealed class AuditMailer(PortalDbContext db, MailOutbox outbox, PublicUrl portal, IStringLocalizer<Texts> T)
{
    public Task EnqueueProvisionalAsync(AuditRun run, string contractReference, CancellationToken ct = default) =>
        EnqueueAsync(run, contractReference, "Audit.Mail.Provisional", Format.Date(run.ClaimsCloseOn), ct);

    public Task EnqueueSignedAsync(AuditRun run, string contractReference, CancellationToken ct = default) =>
        EnqueueAsync(run, contractReference, "Audit.Mail.Signed", "", ct);

    private async Task EnqueueAsync(AuditRun run, string contractReference, string text, string claimsClose, CancellationToken ct)
    {
        var cpoUsers = await db.Users.AsNoTracking().Where(u => u.OperatorId == run.OperatorId && u.Email != null)
            .Select(u => new { u.Id, Email = u.Email!, u.DisplayName, u.PreferredCulture }).ToListAsync(ct);
        var link = portal.For(AuditPaths.CpoRun(run.Id));
        foreach (var user in cpoUsers)
        {
            using (LocalizationRegistration.UseCulture(LocalizationRegistration.CultureOf(user.PreferredCulture)))
            {
                var period = AuditTexts.Period(T, run.Kind, run.PeriodStart, run.PeriodEnd);
                var mail = new OutgoingMail(user.Email, user.DisplayName, T[$"{text}.Subject", contractReference, period],
                    T[$"{text}.Body", user.DisplayName, contractReference, period, run.Version, claimsClose, link]);
                await outbox.EnqueueAsync(mail, $"audit:{run.Id:N}:{run.Status}:{user.Id}", ct);
            }
        }
    }
}

/// <summary>The back-office addresses of the audit runs.</summary>
internal static class AuditPaths
{
    public const string Officer = "/beheer/audits";
    public const string Cpo = "/cpo/audits";

    public static string OfficerRun(Guid id) => $"{Officer}/{id}";

    public static string CpoRun(Guid id) => $"{Cpo}/{id}";
}
