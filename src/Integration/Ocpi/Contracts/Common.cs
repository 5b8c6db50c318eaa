namespace Portal.Integration.Ocpi.Contracts;

/// <summary>OCPI DisplayText: a text in one ISO 639-1 language.</summary>
public sealed record DisplayText(string Language, string Text);

/// <summary>OCPI Price (2.2.1 shape).</summary>
public sealed record Price(decimal ExclVat, decimal? InclVat);

/// <summary>OCPI GeoLocation: WGS 84 degrees written as strings with 5 to 7 decimals.</summary>
public sealed record GeoLocation(string Latitude, string Longitude);

public sealed record AdditionalGeoLocation(string Latitude, string Longitude, DisplayText? Name);

public sealed record Image(string Url, string? Thumbnail, string Category, string Type, int? Width, int? Height);

public sealed record BusinessDetails(string Name, string? Website, Image? Logo);

public sealed record EnergyMix(
    bool? IsGreenEnergy,
    IReadOnlyList<EnergySource>? EnergySources,
    IReadOnlyList<EnvironmentalImpact>? EnvironImpact,
    string? SupplierName,
    string? EnergyProductName);

public sealed record EnergySource(string Source, decimal Percentage);

public sealed record EnvironmentalImpact(string Category, decimal Amount);
