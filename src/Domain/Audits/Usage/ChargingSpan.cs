namespace Portal.Domain.Audits.Usage;

/// <summary>Where a figure came from: the CPO's settled CDR, or the session while no CDR names it.</summary>
public enum UsageSource
{
    Cdr,
    Session,
}

/// <summary>What a session says about usage, as the CPO last sent it. Without an end it is still going.</summary>
public sealed record SessionFact(string SessionId, DateTime StartUtc, DateTime? EndUtc, DateTime LastUpdatedUtc, decimal Kwh);

/// <summary>
/// What a CDR says about usage. <paramref name="ParkingHours"/> is OCPI's total_parking_time: connected but not
/// charging. A credit CDR cancels the CDR named by <paramref name="CreditReferenceId"/>.
/// </summary>
public sealed record CdrFact(
    string CdrId,
    string? SessionId,
    DateTime StartUtc,
    DateTime EndUtc,
    DateTime LastUpdatedUtc,
    decimal Kwh,
    decimal? ParkingHours = null,
    bool Credit = false,
    string? CreditReferenceId = null);

/// <summary>One charge as the report counts it: the time the EVSE was charging and the energy delivered in it.</summary>
public sealed record ChargingSpan(DateTime StartUtc, DateTime EndUtc, decimal Kwh, UsageSource Source);
