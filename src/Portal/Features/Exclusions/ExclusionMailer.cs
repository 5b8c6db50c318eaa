using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Audits;
using Portal.Domain.Audits.Exclusions;
using Portal.Hosting;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Exclusions;

/// <summary>The decision on a claim, mailed through the outbox of the same save to every user of the claim's operator, each in their own language.</summary>
internal sealed class ExclusionMailer(PortalDbContext db, MailOutbox outbox, PublicUrl portal, IStringLocalizer<Texts> T)
{
    public async Task EnqueueDecisionAsync(ExclusionClaim claim, CancellationToken ct = default)
    {
        var cpoUsers = await db.Users.AsNoTracking().Where(u => u.OperatorId == claim.OperatorId && u.Email != null)
            .Select(u => new { u.Id, Email = u.Email!, u.DisplayName, u.PreferredCulture }).ToListAsync(ct);
        var link = portal.For(ExclusionPaths.Cpo);
        foreach (var user in cpoUsers)
        {
            using (LocalizationRegistration.UseCulture(LocalizationRegistration.CultureOf(user.PreferredCulture)))
            {
                var period = $"{Components.Shared.Format.DateTime(claim.StartsAtUtc)} – {Components.Shared.Format.DateTime(claim.EndsAtUtc)}";
                var mail = new OutgoingMail(user.Email, user.DisplayName,
                    T["Exclusion.Mail.Subject", claim.Category.Code(), T[$"ExclusionState.{claim.State}"]],
                    T["Exclusion.Mail.Body", user.DisplayName, claim.Category.Code(), period, T[$"ExclusionState.{claim.State}"], claim.DecisionReason ?? "", link]);
                await outbox.EnqueueAsync(mail, $"exclusion:{claim.Id:N}:decided:{user.Id}", ct);
            }
        }
    }
}

/// <summary>The back-office addresses of the exclusion ledger.</summary>
internal static class ExclusionPaths
{
    public const string Cpo = "/cpo/uitsluitingen";
    public const string Officer = "/beheer/uitsluitingen";

    public static string Claim(Guid id) => $"/beheer/uitsluitingen/{id}";
}
