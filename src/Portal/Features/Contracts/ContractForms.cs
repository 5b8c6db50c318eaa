using Portal.Domain.Contracts;

namespace Portal.Features.Contracts;

/// <summary>What an officer fills in for a new contract: the parties, and the first version's period.</summary>
public sealed class NewContractForm
{
    public ContractKind Kind { get; set; } = ContractKind.Concession;
    public Guid? OperatorId { get; set; }
    public HashSet<Guid> MunicipalityIds { get; set; } = [];
    public Guid? LeadMunicipalityId { get; set; }
    public string? Reference { get; set; }
    public string? LotName { get; set; }
    public ApplicationsHandledBy ApplicationsHandledBy { get; set; } = ApplicationsHandledBy.Municipality;
    public PeriodForm Period { get; set; } = new();
}

/// <summary>A version's period as typed: dates from the date pickers, the extension option and the points promised.</summary>
public sealed class PeriodForm
{
    public DateTime? StartsOn { get; set; }
    public DateTime? EndsOn { get; set; }
    public int? ExtensionCount { get; set; }
    public int? ExtensionYears { get; set; }
    public string? ExtensionText { get; set; }
    public DateTime? ExtendableUntil { get; set; }
    public int? PointsPromised { get; set; }
    public DateTime? PointsPromisedBy { get; set; }

    public static PeriodForm Of(ContractVersion version) => new()
    {
        StartsOn = version.StartsOn.ToDateTime(TimeOnly.MinValue),
        EndsOn = version.EndsOn.ToDateTime(TimeOnly.MinValue),
        ExtensionCount = version.Extension.Count,
        ExtensionYears = version.Extension.YearsEach,
        ExtensionText = version.Extension.Text,
        ExtendableUntil = version.Extension.Until?.ToDateTime(TimeOnly.MinValue),
        PointsPromised = version.PointsPromised,
        PointsPromisedBy = version.PointsPromisedBy?.ToDateTime(TimeOnly.MinValue),
    };

    /// <summary>The period, or null when a start or end date is missing (the page says which).</summary>
    public ContractPeriod? ToPeriod() => StartsOn is { } start && EndsOn is { } end
        ? new ContractPeriod(DateOnly.FromDateTime(start), DateOnly.FromDateTime(end),
            new ExtensionOption
            {
                Count = ExtensionCount,
                YearsEach = ExtensionYears,
                Text = string.IsNullOrWhiteSpace(ExtensionText) ? null : ExtensionText.Trim(),
                Until = ExtendableUntil is { } until ? DateOnly.FromDateTime(until) : null,
            },
            PointsPromised, PointsPromisedBy is { } by ? DateOnly.FromDateTime(by) : null)
        : null;
}

/// <summary>A version's terms as typed, one field per number; the peak window as times of day.</summary>
public sealed class TermsForm
{
    public decimal AvailabilityPercentPerYear { get; set; }
    public bool AvailabilityExcludesExogenousDamage { get; set; }
    public decimal ConnectivityPercentPerMonth { get; set; }
    public decimal? MaxResponseHours { get; set; }
    public decimal? MaxRepairHours { get; set; }
    public int DataLatencySeconds { get; set; }
    public decimal? MaxPerKwh { get; set; }
    public decimal? MaxStartFee { get; set; }
    public decimal? MaxPerMinute { get; set; }
    public decimal? MaxIdlePerMinute { get; set; }
    public bool CapsIncludeVat { get; set; }
    public bool SmartChargingRequired { get; set; }
    public decimal? PowerCapKw { get; set; }
    public TimeSpan? WindowStart { get; set; }
    public TimeSpan? WindowEnd { get; set; }
    public bool OnGridOperatorRequest { get; set; }
    public decimal? MaxPowerPerChargePointKw { get; set; }
    public int? MaxInstallationWeeks { get; set; }

    public static TermsForm Of(ContractTerms terms) => new()
    {
        AvailabilityPercentPerYear = terms.AvailabilityPercentPerYear,
        AvailabilityExcludesExogenousDamage = terms.AvailabilityExcludesExogenousDamage,
        ConnectivityPercentPerMonth = terms.ConnectivityPercentPerMonth,
        MaxResponseHours = terms.MaxResponseHours,
        MaxRepairHours = terms.MaxRepairHours,
        DataLatencySeconds = terms.DataLatencySeconds,
        MaxPerKwh = terms.TariffCaps.MaxPerKwh,
        MaxStartFee = terms.TariffCaps.MaxStartFee,
        MaxPerMinute = terms.TariffCaps.MaxPerMinute,
        MaxIdlePerMinute = terms.TariffCaps.MaxIdlePerMinute,
        CapsIncludeVat = terms.TariffCaps.IncludeVat,
        SmartChargingRequired = terms.SmartCharging.Required,
        PowerCapKw = terms.SmartCharging.PowerCapKw,
        WindowStart = terms.SmartCharging.WindowStart.ToTimeSpan(),
        WindowEnd = terms.SmartCharging.WindowEnd.ToTimeSpan(),
        OnGridOperatorRequest = terms.SmartCharging.OnGridOperatorRequest,
        MaxPowerPerChargePointKw = terms.MaxPowerPerChargePointKw,
        MaxInstallationWeeks = terms.MaxInstallationWeeks,
    };

    public ContractTerms ToTerms() => new()
    {
        AvailabilityPercentPerYear = AvailabilityPercentPerYear,
        AvailabilityExcludesExogenousDamage = AvailabilityExcludesExogenousDamage,
        ConnectivityPercentPerMonth = ConnectivityPercentPerMonth,
        MaxResponseHours = MaxResponseHours,
        MaxRepairHours = MaxRepairHours,
        DataLatencySeconds = DataLatencySeconds,
        TariffCaps = new TariffCaps
        {
            MaxPerKwh = MaxPerKwh, MaxStartFee = MaxStartFee, MaxPerMinute = MaxPerMinute, MaxIdlePerMinute = MaxIdlePerMinute, IncludeVat = CapsIncludeVat,
        },
        SmartCharging = new SmartChargingObligation
        {
            Required = SmartChargingRequired,
            PowerCapKw = PowerCapKw,
            WindowStart = TimeOnly.FromTimeSpan(WindowStart ?? SmartChargingObligation.DefaultWindowStart.ToTimeSpan()),
            WindowEnd = TimeOnly.FromTimeSpan(WindowEnd ?? SmartChargingObligation.DefaultWindowEnd.ToTimeSpan()),
            OnGridOperatorRequest = OnGridOperatorRequest,
        },
        MaxPowerPerChargePointKw = MaxPowerPerChargePointKw,
        MaxInstallationWeeks = MaxInstallationWeeks,
    };
}

/// <summary>The outcome of a change: the contract's id, or the problem in the reader's language (nothing was saved).</summary>
public sealed record ContractStep(Guid? Id, string? Problem)
{
    public bool Succeeded => Problem is null;
}
