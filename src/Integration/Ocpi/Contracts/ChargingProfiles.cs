namespace Portal.Integration.Ocpi.Contracts;

/// <summary>The body of a SetChargingProfile PUT: the profile, and where the CPO posts the outcome.</summary>
public sealed record SetChargingProfile(ChargingProfile ChargingProfile, string ResponseUrl);

/// <summary>A maximum (not a target); periods count from start_date_time, or from the start of charging.</summary>
public sealed record ChargingProfile(
    DateTime? StartDateTime,
    int? Duration,
    string ChargingRateUnit,
    decimal? MinChargingRate,
    IReadOnlyList<ChargingProfilePeriod>? ChargingProfilePeriod);

public sealed record ChargingProfilePeriod(int StartPeriod, decimal Limit);

/// <summary>The CPO's immediate answer: ACCEPTED means a result follows on response_url within timeout seconds.</summary>
public sealed record ChargingProfileResponse(string Result, int Timeout);

/// <summary>The asynchronous outcome of a SetChargingProfile, and (same shape) of a clear.</summary>
public sealed record ChargingProfileResult(string Result);

public sealed record ActiveChargingProfile(DateTime StartDateTime, ChargingProfile ChargingProfile);

public sealed record ActiveChargingProfileResult(string Result, ActiveChargingProfile? Profile);
