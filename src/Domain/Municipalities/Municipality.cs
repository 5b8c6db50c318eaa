using Portal.Domain.Common;

namespace Portal.Domain.Municipalities;

/// <summary>A municipality is a tenant: every record and every officer belongs to one.</summary>
public sealed class Municipality
{
    public const int MaxNameLength = 100;

    private Municipality() { }

    public Guid Id { get; private set; }
    public MunicipalityCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public DateTime RegisteredAtUtc { get; private set; }

    /// <summary>The municipal boundary as WGS84 WKT; null until an administrator or the demo provides it.</summary>
    public string? BoundaryWkt { get; private set; }

    public static Municipality Register(MunicipalityCode code, string name, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        Code = code,
        Name = RequireName(name),
        RegisteredAtUtc = nowUtc,
    };

    public void Rename(string name) => Name = RequireName(name);

    public void SetBoundary(MunicipalityBoundary boundary) => BoundaryWkt = boundary.Wkt;

    /// <summary>Whether a point lies in the municipality; true for every point while no boundary is known.</summary>
    public bool Covers(double latitude, double longitude, MunicipalityBoundary? boundary) =>
        boundary?.Contains(latitude, longitude) ?? true;

    private static string RequireName(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
            throw new DomainRuleViolated(DomainRule.MunicipalityNameMissing, "A municipality needs a name.");
        if (trimmed.Length > MaxNameLength)
            throw new DomainRuleViolated(DomainRule.MunicipalityNameTooLong, $"A municipality name has at most {MaxNameLength} characters.", MaxNameLength);
        return trimmed;
    }
}
