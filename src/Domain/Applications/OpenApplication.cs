using Portal.Domain.Geography;

namespace Portal.Domain.Applications;

/// <summary>Another open application of the same municipality, as the pre-assessment needs it.</summary>
public sealed record OpenApplication(Guid Id, string Reference, Coordinate Point, ApplicationAddress Address);
