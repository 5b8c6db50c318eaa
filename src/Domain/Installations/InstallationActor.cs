namespace Portal.Domain.Installations;

/// <summary>Who reported or changed something on a case, as recorded in its history (an officer, a CPO user, or the portal itself).</summary>
public sealed record InstallationActor(string UserId, string Name)
{
    public static readonly InstallationActor Portal = new("portal", "Portal");
}
