namespace Portal.Integration.Ocpi.Client;

/// <summary>A call to a partner that did not give a usable OCPI answer, with the X-Request-ID of the (last) attempt.</summary>
public sealed class OcpiCallException(OcpiCallFailure failure, string message, string? requestId, int? httpStatus = null, int? ocpiStatus = null, Exception? inner = null)
    : Exception(message, inner)
{
    public OcpiCallFailure Failure { get; } = failure;
    public string? RequestId { get; } = requestId;
    public int? HttpStatus { get; } = httpStatus;
    public int? OcpiStatus { get; } = ocpiStatus;

    /// <summary>A failure that may pass: a timeout, a network error, an open circuit, or HTTP 408, 429 or 5xx.</summary>
    public bool IsTransient =>
        Failure is OcpiCallFailure.Timeout or OcpiCallFailure.Network or OcpiCallFailure.CircuitOpen
        || HttpStatus is 408 or 429 or >= 500;
}

public enum OcpiCallFailure
{
    /// <summary>401: the partner does not accept our token.</summary>
    Unauthorized,

    /// <summary>The connection's circuit is open after repeated failures.</summary>
    CircuitOpen,
    Timeout,
    Network,

    /// <summary>An HTTP error other than 401 (after retries).</summary>
    Http,

    /// <summary>An envelope with a non-success status_code.</summary>
    OcpiStatus,

    /// <summary>The body is not the OCPI envelope we expected.</summary>
    InvalidResponse,
}
