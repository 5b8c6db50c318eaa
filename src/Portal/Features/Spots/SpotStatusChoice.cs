using Portal.Domain.Spots;

namespace Portal.Features.Spots;

/// <summary>The status (and reason) an officer chose in the dialog for the selected spots.</summary>
public sealed record SpotStatusChoice(SpotStatus Status, string? Reason);
