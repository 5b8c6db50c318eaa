using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Features.Accounts;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Admin;

/// <summary>An administrator's work on accounts: list them, create staff, give them a role and tenants, block and unblock, invite again.</summary>
internal sealed class UserAdministration(PortalDbContext db, UserManager<PortalUser> users, AccountMailer mailer, TimeProvider clock, IStringLocalizer<Texts> T)
{
    /// <summary>
    /// One page of the accounts: quick search on name and e-mail address, optionally only those
    /// holding one role, sorted in the database.
    /// </summary>
    public async Task<GridPage<UserRow>> UsersAsync(GridQuery grid, string? role, CancellationToken ct = default)
    {
        var query = db.Users.AsNoTracking();
#pragma warning disable CA1304 // runs in the database: EF Core translates ToLower() to SQL lower()
        if (grid.Search is { } search)
        {
            var pattern = SearchPattern.Contains(search);
            query = query.Where(u => EF.Functions.Like(u.DisplayName.ToLower(), pattern, SearchPattern.Escape) || EF.Functions.Like(u.NormalizedEmail!.ToLower(), pattern, SearchPattern.Escape));
        }
#pragma warning restore CA1304
        if (PortalRoles.All.Contains(role))
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(ct);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }
        var total = await query.CountAsync(ct);
        query = (grid.SortKey, grid.Descending) switch
        {
            ("email", false) => query.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id),
            ("email", true) => query.OrderByDescending(u => u.NormalizedEmail).ThenBy(u => u.Id),
            ("createdatutc", false) => query.OrderBy(u => u.CreatedAtUtc).ThenBy(u => u.DisplayName).ThenBy(u => u.Id),
            ("createdatutc", true) => query.OrderByDescending(u => u.CreatedAtUtc).ThenBy(u => u.DisplayName).ThenBy(u => u.Id),
            (_, true) => query.OrderByDescending(u => u.DisplayName).ThenBy(u => u.NormalizedEmail).ThenBy(u => u.Id),
            _ => query.OrderBy(u => u.DisplayName).ThenBy(u => u.NormalizedEmail).ThenBy(u => u.Id),
        };
        var now = clock.GetUtcNow();
        var rows = await query.Skip(grid.Skip).Take(grid.PageSize)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.EmailConfirmed, u.LockoutEnd, u.CreatedAtUtc,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                Municipalities = db.OfficerMemberships.Where(m => m.UserId == u.Id).Join(db.Municipalities, m => m.MunicipalityId, x => x.Id, (m, x) => x.Name).ToList(),
                Operator = db.Operators.Where(o => o.Id == u.OperatorId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new GridPage<UserRow>(
            rows.Select(r => new UserRow(r.Id, r.DisplayName, r.Email ?? "", r.Roles, r.Operator is null ? string.Join(", ", r.Municipalities.Order(StringComparer.CurrentCulture)) : r.Operator, r.EmailConfirmed, r.LockoutEnd > now, r.CreatedAtUtc)).ToList(),
            total);
    }

    public async Task<TenantChoices> ChoicesAsync(CancellationToken ct = default) => new(
        await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).Select(m => new Choice(m.Id, m.Name)).ToListAsync(ct),
        await db.Operators.AsNoTracking().OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct));

    /// <summary>Creates a staff account and mails an invitation to choose a password.</summary>
    public async Task<StaffResult> CreateStaffAsync(string displayName, string email, StaffAssignment assignment)
    {
        var problems = assignment.Check();
        if (problems.Count > 0)
            return StaffResult.Invalid(problems);
        var user = new PortalUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = displayName.Trim(),
            OperatorId = assignment.OperatorId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Memberships = assignment.MunicipalityIds.Select(id => new OfficerMembership { MunicipalityId = id }).ToList(),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            return StaffResult.Failed(created.Errors.Select(e => e.Description));
        await users.AddToRoleAsync(user, assignment.Role);
        await mailer.SendInvitationAsync(user);
        return StaffResult.Ok(user.Id);
    }

    public async Task<StaffDetail?> FindAsync(string id, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Memberships).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return null;
        var roles = await users.GetRolesAsync(user);
        return new StaffDetail(user.Id, user.DisplayName, user.Email ?? "", roles.FirstOrDefault() ?? "", user.Memberships.Select(m => m.MunicipalityId).ToList(),
            user.OperatorId, user.EmailConfirmed, user.LockoutEnd > clock.GetUtcNow(), user.TwoFactorEnabled, user.CreatedAtUtc);
    }

    /// <summary>
    /// Gives a staff account its role and tenants in one step. Residents have neither, and an
    /// administrator cannot change their own role. The account's security stamp changes, so its
    /// sessions and open back-office pages stop and it signs in again with what it holds now.
    /// </summary>
    public async Task<StaffResult> AssignAsync(string id, StaffAssignment assignment, ClaimsPrincipal by, CancellationToken ct = default)
    {
        var user = await db.Users.Include(u => u.Memberships).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return StaffResult.Failed([T["AdminUsers.Gone"]]);
        var current = await users.GetRolesAsync(user);
        if (!current.All(PortalRoles.AssignedByAdmin.Contains))
            return StaffResult.Invalid([StaffAssignmentProblem.RoleNotAssignable]);
        var problems = assignment.Check();
        if (problems.Count > 0)
            return StaffResult.Invalid(problems);
        if (users.GetUserId(by) == user.Id && !current.SequenceEqual([assignment.Role]))
            return StaffResult.Failed([T["AdminUsers.NotYourOwnRole"]]);

        user.OperatorId = assignment.OperatorId;
        user.Memberships.RemoveAll(m => !assignment.MunicipalityIds.Contains(m.MunicipalityId));
        foreach (var municipalityId in assignment.MunicipalityIds.Where(m => user.Memberships.All(x => x.MunicipalityId != m)))
            user.Memberships.Add(new OfficerMembership { UserId = user.Id, MunicipalityId = municipalityId });
        await db.SaveChangesAsync(ct);
        if (!current.SequenceEqual([assignment.Role]))
        {
            var removed = await users.RemoveFromRolesAsync(user, current);
            var added = removed.Succeeded ? await users.AddToRoleAsync(user, assignment.Role) : removed;
            if (!added.Succeeded)
                return StaffResult.Failed(added.Errors.Select(e => e.Description));
        }
        await users.UpdateSecurityStampAsync(user);
        return StaffResult.Ok(user.Id);
    }

    /// <summary>
    /// Blocks an account until an administrator unblocks it: it cannot sign in, and its sessions and
    /// open back-office pages stop at their next check. An administrator cannot block themselves.
    /// </summary>
    public async Task<StaffResult> BlockAsync(string id, ClaimsPrincipal by)
    {
        if (await users.FindByIdAsync(id) is not { } user)
            return StaffResult.Failed([T["AdminUsers.Gone"]]);
        if (users.GetUserId(by) == user.Id)
            return StaffResult.Failed([T["AdminUsers.NotYourself"]]);
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        return StaffResult.Ok(user.Id);
    }

    /// <summary>Lifts a block, or a lock-out after too many wrong passwords.</summary>
    public async Task<bool> UnlockAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
            return false;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    /// <summary>Mails a new invitation to an account that has not chosen a password yet.</summary>
    public async Task<bool> ResendInvitationAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user || user.EmailConfirmed)
            return false;
        await mailer.SendInvitationAsync(user);
        return true;
    }
}

public sealed record UserRow(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, string Tenant, bool EmailConfirmed, bool LockedOut, DateTime CreatedAtUtc);

public sealed record Choice(Guid Id, string Name);

public sealed record TenantChoices(IReadOnlyList<Choice> Municipalities, IReadOnlyList<Choice> Operators);

public sealed record StaffDetail(string Id, string DisplayName, string Email, string Role, IReadOnlyList<Guid> MunicipalityIds, Guid? OperatorId, bool EmailConfirmed, bool LockedOut, bool TwoFactorEnabled, DateTime CreatedAtUtc)
{
    /// <summary>Officers, CPO users and administrators get a role and tenants from an administrator; residents do not.</summary>
    public bool IsStaff => PortalRoles.AssignedByAdmin.Contains(Role);
}

public sealed record StaffResult(string? UserId, IReadOnlyList<StaffAssignmentProblem> Problems, IReadOnlyList<string> Errors)
{
    public bool Succeeded => UserId is not null;
    public static StaffResult Ok(string userId) => new(userId, [], []);
    public static StaffResult Invalid(IReadOnlyList<StaffAssignmentProblem> problems) => new(null, problems, []);
    public static StaffResult Failed(IEnumerable<string> errors) => new(null, [], errors.ToList());
}

/// <summary>An account the new-user dialog made: its id and the address the invitation went to.</summary>
public sealed record CreatedUser(string Id, string Email);
