using System.Text.Json.Serialization;

namespace Portal.Integration.Ocpi.Contracts;

/// <summary>The envelope around every OCPI response body.</summary>
public sealed record OcpiResponse<T>(T? Data, int StatusCode, string? StatusMessage, DateTime Timestamp)
{
    /// <summary>1000 is generic success; 1900–1999 are custom success codes. Not part of the wire shape.</summary>
    [JsonIgnore]
    public bool IsSuccess => StatusCode is >= 1000 and < 2000;
}
