namespace Portal.Integration.Ocpi.Contracts;

/// <summary>One entry of the versions list (the type cannot be called Version: its field is).</summary>
public sealed record OcpiVersion(string Version, string Url);

public sealed record VersionDetails(string Version, IReadOnlyList<Endpoint>? Endpoints);

/// <summary>One module endpoint: identifier is a ModuleID, role SENDER or RECEIVER.</summary>
public sealed record Endpoint(string Identifier, string Role, string Url);
