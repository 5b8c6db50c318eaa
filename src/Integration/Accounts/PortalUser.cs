using Microsoft.AspNetCore.Identity;

namespace Portal.Integration.Accounts;

/// <summary>A person with a log-in. Residents register themselves; staff are created by an administrator.</summary>
public sealed class PortalUser : IdentityUser
{
    public const int MaxDisplayNameLength = 100;
    public const int MaxCultureLength = 10;

    public string DisplayName { get; set; } = "";

    /// <summary>The operator organisation of a CPO user; null for everyone else.</summary>
    public Guid? OperatorId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The language the person reads the portal in ("nl", "en"): the one mails to them are written in. Null: Dutch.</summary>
    public string? PreferredCulture { get; set; }

    public List<OfficerMembership> Memberships { get; set; } = [];
}
