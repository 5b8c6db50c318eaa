namespace Portal.Integration.Geocoding;

/// <summary>The "Geocoding" configuration section.</summary>
public sealed class GeocodingOptions
{
    /// <summary>The Locatieserver's v3_1 root; suggest and lookup are resolved against it.</summary>
    public string BaseUrl { get; set; } = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/";

    /// <summary>How long one attempt may take; a slow attempt counts as failed and is retried.</summary>
    public int TimeoutSeconds { get; set; } = 5;
}
