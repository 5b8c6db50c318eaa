namespace Portal.Integration.Accounts;

/// <summary>An officer works for this municipality and sees its records.</summary>
public sealed class OfficerMembership
{
    public string UserId { get; set; } = "";
    public Guid MunicipalityId { get; set; }
}
