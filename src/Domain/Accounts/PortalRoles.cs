namespace Portal.Domain.Accounts;

/// <summary>The four roles of the portal. The names are stored, so they never change.</summary>
public static class PortalRoles
{
    public const string Resident = nameof(Resident);
    public const string Officer = nameof(Officer);
    public const string CpoUser = nameof(CpoUser);
    public const string Admin = nameof(Admin);

    public static IReadOnlyList<string> All { get; } = [Resident, Officer, CpoUser, Admin];

    /// <summary>Roles an administrator hands out; residents register themselves.</summary>
    public static IReadOnlyList<string> AssignedByAdmin { get; } = [Officer, CpoUser, Admin];
}
