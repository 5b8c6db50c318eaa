namespace Portal.Domain.Faults;

/// <summary>Who acknowledged or resolved a report: the portal user's id and the name shown.</summary>
public sealed record FaultActor(string UserId, string Name);
