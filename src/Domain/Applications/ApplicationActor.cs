namespace Portal.Domain.Applications;

/// <summary>The person making a change to an application (resident or officer), as recorded in history.</summary>
public sealed record ApplicationActor(string UserId, string Name);
