namespace Portal.Integration.Ocpi.Contracts;

public sealed record Credentials(string Token, string Url, IReadOnlyList<CredentialsRole>? Roles);

public sealed record CredentialsRole(string Role, BusinessDetails BusinessDetails, string PartyId, string CountryCode);
