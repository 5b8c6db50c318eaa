namespace Portal.Integration.Ocpi.Validation;

/// <summary>One thing wrong with a pushed or pulled object; Path is in wire names, e.g. evses[1].connectors[0].standard.</summary>
public sealed record OcpiProblem(string Path, string Message);
