namespace Portal.Domain.Contracts.Power;

/// <summary>
/// The maximum powers that apply to one covered EVSE, one per source that sets one (<see cref="MaximumPower.Of"/> picks
/// the lowest):
/// <list type="bullet">
/// <item>the contract: the version's maximum power per charge point;</item>
/// <item>the grid connection: the lowest capacity recorded for the EVSE or its whole location;</item>
/// <item>a requirement: the lowest <c>max_kw</c> of an attached threshold whose metric is a maximum power
/// (<c>max_power_per_charge_point</c>, SCR POR-5's 13.8 kW), as the contract holds it (tightened or not);</item>
/// <item>the charge point: its strongest connector's maximum electric power (OCPI <c>max_electric_power</c>), W to kW.</item>
/// </list>
/// </summary>
public static class EvsePowerLimits
{
    public const string RequirementMetricPrefix = "max_power", RequirementLimit = "max_kw";

    public static IReadOnlyList<PowerLimit> For(EvseRef evse, ContractVersion? version, IEnumerable<GridConnection> gridConnections, int? chargePointWatts)
    {
        ArgumentNullException.ThrowIfNull(gridConnections);
        var limits = new List<PowerLimit>();
        if (version?.Terms.MaxPowerPerChargePointKw is { } contractKw)
            limits.Add(new PowerLimit(PowerLimitSource.Contract, contractKw));
        var grid = gridConnections.Where(g => g.Target.Covers(evse)).Select(g => (decimal?)g.CapacityKw).Min();
        if (grid is { } gridKw)
            limits.Add(new PowerLimit(PowerLimitSource.GridConnection, gridKw));
        if (version is not null && RequirementKw(version) is { } requirementKw)
            limits.Add(new PowerLimit(PowerLimitSource.Requirement, requirementKw));
        if (chargePointWatts is int watts && watts > 0)
            limits.Add(new PowerLimit(PowerLimitSource.ChargePoint, watts / 1000m));
        return limits;
    }

    /// <summary>The lowest maximum power the version's attached requirements set, or null when none sets one (or it is 0: no power at all is not a maximum).</summary>
    public static decimal? RequirementKw(ContractVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Requirements.SelectMany(r => r.Thresholds)
            .Where(t => t.Limit == RequirementLimit && t.Metric.StartsWith(RequirementMetricPrefix, StringComparison.Ordinal) && t.Value > 0)
            .Select(t => (decimal?)t.Value).Min();
    }
}
