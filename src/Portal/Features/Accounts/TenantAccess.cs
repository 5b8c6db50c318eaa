using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.Accounts;

/// <summary>Which tenants the signed-in person may see: an officer's municipalities, a CPO user's operator.</summary>
internal sealed class TenantAccess(PortalDbContext db, UserManager<PortalUser> users)
{
    public async Task<IReadOnlyList<Guid>> MunicipalitiesOfAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (!principal.IsInRole(PortalRoles.Officer) || users.GetUserId(principal) is not { } userId)
            return [];
        return await db.OfficerMemberships.Where(m => m.UserId == userId).Select(m => m.MunicipalityId).ToListAsync(ct);
    }

    public async Task<Guid?> OperatorOfAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (!principal.IsInRole(PortalRoles.CpoUser) || users.GetUserId(principal) is not { } userId)
            return null;
        return await db.Users.Where(u => u.Id == userId).Select(u => u.OperatorId).SingleOrDefaultAsync(ct);
    }
}
