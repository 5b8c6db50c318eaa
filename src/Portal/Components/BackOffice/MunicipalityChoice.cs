namespace Portal.Components.BackOffice;

/// <summary>A municipality an officer or administrator can choose on a back-office page.</summary>
public sealed record MunicipalityChoice(Guid Id, string Name);
