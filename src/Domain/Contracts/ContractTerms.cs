using Portal.Domain.Common;
using Portal.Domain.Requirements;

namespace Portal.Domain.Contracts;

/// <summary>
/// What a contract version promises, as numbers with their unit (the unit is in each name): the KPIs audits
/// measure, fault times, data latency, tariff caps and the smart-charging obligation. A version starts from
/// <see cref="Defaults"/> and the officer overrides what the contract says otherwise.
/// </summary>
public sealed record ContractTerms
{
    /// <summary>Seed defaults (uptime-metric section 1): 95 % availability per year, 98 % connectivity per month, status within 60 s.</summary>
    public const decimal DefaultAvailabilityPercent = 95m, DefaultConnectivityPercent = 98m;
    public const int DefaultDataLatencySeconds = 60;

    /// <summary>Minimum availability per calendar year, in percent.</summary>
    public decimal AvailabilityPercentPerYear { get; init; } = DefaultAvailabilityPercent;

    /// <summary>Outages caused by exogenous damage (vandalism, a car hitting the point) do not count against availability.</summary>
    public bool AvailabilityExcludesExogenousDamage { get; init; } = true;

    /// <summary>Minimum back-office connectivity per calendar month, in percent.</summary>
    public decimal ConnectivityPercentPerMonth { get; init; } = DefaultConnectivityPercent;

    /// <summary>Maximum time from a fault report to the CPO's response, in hours (none when the contract sets none).</summary>
    public decimal? MaxResponseHours { get; init; }

    /// <summary>Maximum time from a fault report to the repair, in hours.</summary>
    public decimal? MaxRepairHours { get; init; }

    /// <summary>A status change must reach the portal within this many seconds.</summary>
    public int DataLatencySeconds { get; init; } = DefaultDataLatencySeconds;

    public TariffCaps TariffCaps { get; init; } = TariffCaps.None;

    public SmartChargingObligation SmartCharging { get; init; } = SmartChargingObligation.None;

    /// <summary>The most a charge point may deliver under the contract, in kW (none when the contract sets none).</summary>
    public decimal? MaxPowerPerChargePointKw { get; init; }

    /// <summary>
    /// Maximum time from assigning an installation to the CPO (the case's opening day) to the charge point
    /// commissioned, in weeks (none when the contract sets none).
    /// </summary>
    public int? MaxInstallationWeeks { get; init; }

    /// <summary>The day by which an installation opened on <paramref name="openedOn"/> must be commissioned; null without a term.</summary>
    public DateOnly? InstallationDueOn(DateOnly openedOn) => MaxInstallationWeeks is { } weeks ? openedOn.AddDays(7 * weeks) : null;

    /// <summary>
    /// The terms a new contract starts with: the seed defaults, replaced by the catalogue's own numbers where it has
    /// them (the availability and backend-connectivity thresholds, e.g. POR-14's 95 % and SC-5's 98 %).
    /// </summary>
    public static ContractTerms Defaults(RequirementCatalogue? catalogue)
    {
        var thresholds = catalogue?.Requirements.SelectMany(r => r.Thresholds).ToList() ?? [];
        decimal? Limit(string metric) => thresholds.FirstOrDefault(t => t.Metric == metric && t.Limits.ContainsKey("min_percent"))?.Limits["min_percent"];
        return new ContractTerms
        {
            AvailabilityPercentPerYear = Limit("availability") ?? DefaultAvailabilityPercent,
            ConnectivityPercentPerMonth = Limit("backend_connectivity") ?? DefaultConnectivityPercent,
        };
    }

    /// <summary>Refuses numbers no contract can mean (a percentage above 100, a negative price, an empty peak window).</summary>
    public ContractTerms Checked()
    {
        static void Require(bool ok, ContractTerm term, string what)
        {
            if (!ok)
                throw new DomainRuleViolated(DomainRule.ContractTermOutOfRange, $"The term '{term}' is out of range: {what}.", term);
        }

        Require(AvailabilityPercentPerYear is > 0 and <= 100, ContractTerm.Availability, "a percentage above 0 and at most 100");
        Require(ConnectivityPercentPerMonth is > 0 and <= 100, ContractTerm.Connectivity, "a percentage above 0 and at most 100");
        Require(MaxResponseHours is null or > 0 and <= 8760, ContractTerm.ResponseTime, "hours above 0 and at most a year");
        Require(MaxRepairHours is null or > 0 and <= 8760, ContractTerm.RepairTime, "hours above 0 and at most a year");
        Require(DataLatencySeconds is > 0 and <= 86_400, ContractTerm.DataLatency, "seconds above 0 and at most a day");
        Require(TariffCaps.Prices().All(p => p.Value is null or >= 0 and <= 100), ContractTerm.TariffCaps, "prices from 0 to 100 euro");
        Require(!SmartCharging.Required || SmartCharging.PowerCapKw is > 0 and <= 1000, ContractTerm.SmartCharging, "a power cap above 0 kW when smart charging is required");
        Require(MaxPowerPerChargePointKw is null or > 0 and <= 1000, ContractTerm.MaxPower, "a power above 0 kW and at most 1000 kW");
        Require(MaxInstallationWeeks is null or > 0 and <= 156, ContractTerm.InstallationTime, "weeks above 0 and at most three years");
        Require(SmartCharging.WindowStart != SmartCharging.WindowEnd, ContractTerm.SmartCharging, "a peak window with a start and an end");
        return this;
    }
}

/// <summary>The maximum prices a contract allows drivers to be charged, in euro, including VAT or not.</summary>
public sealed record TariffCaps
{
    public static readonly TariffCaps None = new();

    public decimal? MaxPerKwh { get; init; }
    public decimal? MaxStartFee { get; init; }
    public decimal? MaxPerMinute { get; init; }

    /// <summary>The idle (parking) fee per minute once charging has finished.</summary>
    public decimal? MaxIdlePerMinute { get; init; }
    public bool IncludeVat { get; init; } = true;

    public bool Any => Prices().Any(p => p.Value is not null);

    public IEnumerable<(TariffComponent Component, decimal? Value)> Prices() =>
    [
        (TariffComponent.Energy, MaxPerKwh), (TariffComponent.Start, MaxStartFee),
        (TariffComponent.Time, MaxPerMinute), (TariffComponent.Idle, MaxIdlePerMinute),
    ];
}

/// <summary>A smart-charging duty: on the grid operator's request, charge at most a power cap in a daily peak window (e.g. 16:00-21:00).</summary>
public sealed record SmartChargingObligation
{
    public static readonly TimeOnly DefaultWindowStart = new(16, 0), DefaultWindowEnd = new(21, 0);
    public static readonly SmartChargingObligation None = new();

    public bool Required { get; init; }
    public decimal? PowerCapKw { get; init; }
    public TimeOnly WindowStart { get; init; } = DefaultWindowStart;
    public TimeOnly WindowEnd { get; init; } = DefaultWindowEnd;

    /// <summary>Only when the grid operator (DSO) asks for it; otherwise every day.</summary>
    public bool OnGridOperatorRequest { get; init; } = true;
}

/// <summary>The terms of a contract that penalties, and the portal's texts, refer to (stored by name).</summary>
public enum ContractTerm
{
    Availability,
    Connectivity,
    ResponseTime,
    RepairTime,
    DataLatency,
    TariffCaps,
    SmartCharging,
    PointsPromised,
    MaxPower,
    InstallationTime,
}
