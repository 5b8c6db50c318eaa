using System.Globalization;

namespace Portal.Domain.Contracts.Evidence;

/// <summary>What a finding on a contract is about (stored by name).</summary>
public enum ContractFindingKind
{
    /// <summary>Evidence for a requirement expired and nothing accepted replaced it.</summary>
    EvidenceExpired,

    /// <summary>A tariff on a covered EVSE charges more than a cap of the version in force.</summary>
    TariffAboveCap,

    /// <summary>A protocol version a required protocol update asks was not implemented (no accepted evidence) by its due date.</summary>
    ProtocolUpdateOverdue,

    /// <summary>In a month, fewer status events of the covered EVSEs reached the portal within the contract's data latency than the minimum share.</summary>
    TimelinessBelowMinimum,
    /// <summary>An item of a field audit checklist (ElaadNL G-4) failed at a sampled location.</summary>
    FieldCheckFailed,

    /// <summary>A signed audit run found covered EVSEs whose availability failed the contract's threshold.</summary>
    AvailabilityBelowThreshold,

    /// <summary>A signed audit run found covered EVSEs whose back-office connectivity failed the contract's threshold.</summary>
    ConnectivityBelowThreshold,

    /// <summary>A smart-charging compliance test run failed: a requirement it evidences, or the contract's power cap.</summary>
    SmartChargingTestFailed,
}

/// <summary>
/// Something the portal found wrong with a contract, kept as it was found (append-only): an expired piece of evidence,
/// or a tariff above a cap with the tariff, the component, its price on the cap's VAT basis, the cap and the day the
/// tariff was seen. <see cref="DedupeKey"/> makes each finding once per contract: once per evidence, and once per
/// tariff version, component and contract version, so an unchanged tariff is not found again.
/// </summary>
public sealed class ContractFinding
{
    public const int MaxEvsesLength = 1000, MaxDedupeKeyLength = 200;

    private ContractFinding() { }

    public long Id { get; private set; }
    public Guid ContractId { get; private set; }
    public ContractFindingKind Kind { get; private set; }
    public string DedupeKey { get; private set; } = "";

    /// <summary>The Dutch day the portal recorded it.</summary>
    public DateOnly FoundOn { get; private set; }
    public DateTime FoundAtUtc { get; private set; }

    /// <summary>The requirement it is about (expired evidence), if any.</summary>
    public string? SetId { get; private set; }
    public string? Code { get; private set; }
    public Guid? EvidenceId { get; private set; }

    /// <summary>The day the evidence expired.</summary>
    public DateOnly? ExpiredOn { get; private set; }

    /// <summary>The contract version whose caps were exceeded.</summary>
    public int? VersionNumber { get; private set; }
    public string? TariffId { get; private set; }
    public long? TariffVersionId { get; private set; }
    public DateTime? TariffLastUpdatedUtc { get; private set; }
    public TariffComponent? Component { get; private set; }

    /// <summary>The price in euro on the cap's VAT basis, rounded to cents, as a driver sees it.</summary>
    public decimal? Price { get; private set; }
    public decimal? Cap { get; private set; }
    public bool? CapIncludesVat { get; private set; }

    /// <summary>The Dutch day the portal first received this tariff version.</summary>
    public DateOnly? SeenOn { get; private set; }

    /// <summary>The protocol and version of an overdue protocol update ("OCPP", "2.1") and the day it was due.</summary>
    public string? Protocol { get; private set; }
    public string? ProtocolVersion { get; private set; }
    public DateOnly? DueOn { get; private set; }

    /// <summary>The month (its first day) whose status events were too late, the share on time, the minimum share and the latency in seconds.</summary>
    public DateOnly? Month { get; private set; }
    public decimal? MeasuredPercent { get; private set; }
    public decimal? MinimumPercent { get; private set; }
    public int? LatencySeconds { get; private set; }

    /// <summary>The covered EVSEs that use the tariff, "LOCATION/UID" separated by commas (shortened when long); for a field check, the location checked.</summary>
    public string? Evses { get; private set; }

    /// <summary>The field audit sample whose checklist failed, and the auditor's note on the failed item.</summary>
    public Guid? FieldCheckSampleId { get; private set; }
    public string? Note { get; private set; }

    /// <summary>The smart-charging test run that failed; what failed is in <see cref="Note"/>, the failing EVSEs in <see cref="Evses"/>.</summary>
    public Guid? SmartChargingTestRunId { get; private set; }

    public static ContractFinding EvidenceExpired(SubmittedEvidence evidence, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new ContractFinding
        {
            ContractId = evidence.ContractId,
            Kind = ContractFindingKind.EvidenceExpired,
            DedupeKey = $"expired:{evidence.Id:N}",
            FoundOn = today,
            FoundAtUtc = nowUtc,
            SetId = evidence.SetId,
            Code = evidence.Code,
            EvidenceId = evidence.Id,
            ExpiredOn = evidence.ExpiresOn,
        };
    }

    public static ContractFinding TariffAboveCap(Guid contractId, int versionNumber, TariffSeen tariff, TariffCapComparison comparison, bool capIncludesVat,
        IEnumerable<EvseRef> evses, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentNullException.ThrowIfNull(comparison);
        var list = string.Join(", ", evses.Select(e => e.ToString()));
        return new ContractFinding
        {
            ContractId = contractId,
            Kind = ContractFindingKind.TariffAboveCap,
            DedupeKey = TariffKey(tariff.VersionId, comparison.Component, versionNumber),
            FoundOn = today,
            FoundAtUtc = nowUtc,
            VersionNumber = versionNumber,
            TariffId = tariff.TariffId,
            TariffVersionId = tariff.VersionId,
            TariffLastUpdatedUtc = tariff.LastUpdatedUtc,
            Component = comparison.Component,
            Price = comparison.Price,
            Cap = comparison.Cap,
            CapIncludesVat = capIncludesVat,
            SeenOn = tariff.SeenOn,
            Evses = list.Length > MaxEvsesLength ? list[..(MaxEvsesLength - 1)] + "…" : list,
        };
    }

    /// <summary>An open protocol update whose due date passed: once per protocol version and due date (a corrected certification date is a new due date).</summary>
    public static ContractFinding ProtocolUpdateOverdue(Guid contractId, ProtocolUpdates.ContractProtocolUpdate update, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new ContractFinding
        {
            ContractId = contractId,
            Kind = ContractFindingKind.ProtocolUpdateOverdue,
            DedupeKey = ProtocolKey(update),
            FoundOn = today,
            FoundAtUtc = nowUtc,
            SetId = update.Requirement.SetId,
            Code = update.Requirement.Code,
            Protocol = update.Protocol,
            ProtocolVersion = update.Version,
            DueOn = update.DueOn,
        };
    }

    /// <summary>Too few status events on time in a month: once per contract and month.</summary>
    public static ContractFinding TimelinessBelowMinimum(Guid contractId, DateOnly month, decimal measuredPercent, decimal minimumPercent, int latencySeconds,
        DateOnly today, DateTime nowUtc) => new()
    {
        ContractId = contractId,
        Kind = ContractFindingKind.TimelinessBelowMinimum,
        DedupeKey = TimelinessKey(month),
        FoundOn = today,
        FoundAtUtc = nowUtc,
        Month = new DateOnly(month.Year, month.Month, 1),
        MeasuredPercent = measuredPercent,
        MinimumPercent = minimumPercent,
        LatencySeconds = latencySeconds,
    };

    public static string TimelinessKey(DateOnly month) => string.Create(CultureInfo.InvariantCulture, $"timeliness:{month:yyyy-MM}");

    /// <summary>A failed checklist item: once per sample, sampled location and requirement.</summary>
    public static ContractFinding FieldCheckFailed(Guid sampleId, Audits.FieldChecks.SampledLocation location, Audits.FieldChecks.FieldCheckItem item, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(item);
        var place = $"{location.Name}, {location.Address}";
        return new ContractFinding
        {
            ContractId = item.ContractId,
            Kind = ContractFindingKind.FieldCheckFailed,
            DedupeKey = FieldCheckKey(sampleId, location.Position, item.SetId, item.Code),
            FoundOn = today,
            FoundAtUtc = nowUtc,
            SetId = item.SetId,
            Code = item.Code,
            FieldCheckSampleId = sampleId,
            Evses = place.Length > MaxEvsesLength ? place[..(MaxEvsesLength - 1)] + "…" : place,
            Note = item.Note,
        };
    }

    /// <summary>
    /// A failed requirement of a signed audit run: once per contract, requirement, kind of run, period and run version (a
    /// correction that still fails is found again, with its own figures). <paramref name="measuredPercent"/> is the run's
    /// time-weighted figure, <paramref name="minimumPercent"/> the contract's threshold, <paramref name="evses"/> the failing EVSEs.
    /// </summary>
    public static ContractFinding BelowThreshold(ContractFindingKind kind, Guid contractId, string runKind, DateOnly periodStart, int runVersion,
        decimal? measuredPercent, decimal minimumPercent, IEnumerable<EvseRef> evses, DateOnly today, DateTime nowUtc)
    {
        if (kind is not (ContractFindingKind.AvailabilityBelowThreshold or ContractFindingKind.ConnectivityBelowThreshold))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only availability and connectivity are audit-run requirements.");
        ArgumentNullException.ThrowIfNull(evses);
        var list = string.Join(", ", evses.Select(e => e.ToString()));
        return new ContractFinding
        {
            ContractId = contractId,
            Kind = kind,
            DedupeKey = AuditRunKey(kind, runKind, periodStart, runVersion),
            FoundOn = today,
            FoundAtUtc = nowUtc,
            Month = periodStart,
            VersionNumber = runVersion,
            MeasuredPercent = measuredPercent,
            MinimumPercent = minimumPercent,
            Evses = list.Length > MaxEvsesLength ? list[..(MaxEvsesLength - 1)] + "…" : list,
        };
    }

    /// <summary>A failed smart-charging test run: once per run.</summary>
    public static ContractFinding SmartChargingTestFailed(Guid contractId, Guid runId, string failed, IEnumerable<EvseRef> evses, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var list = string.Join(", ", evses.Select(e => e.ToString()));
        return new ContractFinding
        {
            ContractId = contractId,
            Kind = ContractFindingKind.SmartChargingTestFailed,
            DedupeKey = string.Create(CultureInfo.InvariantCulture, $"smartcharging:{runId:N}"),
            FoundOn = today,
            FoundAtUtc = nowUtc,
            SmartChargingTestRunId = runId,
            Note = failed,
            Evses = list.Length > MaxEvsesLength ? list[..(MaxEvsesLength - 1)] + "…" : list,
        };
    }

    public static string AuditRunKey(ContractFindingKind kind, string runKind, DateOnly periodStart, int runVersion) =>
        string.Create(CultureInfo.InvariantCulture, $"audit:{kind}:{runKind}:{periodStart:yyyy-MM-dd}:v{runVersion}");

    public static string FieldCheckKey(Guid sampleId, int position, string setId, string code) =>
        string.Create(CultureInfo.InvariantCulture, $"fieldcheck:{sampleId:N}:{position}:{setId}:{code}");

    public static string ProtocolKey(ProtocolUpdates.ContractProtocolUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return string.Create(CultureInfo.InvariantCulture,
            $"protocol:{update.Protocol.ToUpperInvariant()}:{update.Version.ToUpperInvariant()}:{update.DueOn:yyyy-MM-dd}");
    }

    public static string TariffKey(long tariffVersionId, TariffComponent component, int versionNumber) =>
        $"tariff:{tariffVersionId}:{component}:v{versionNumber}";
}

/// <summary>A version of a CPO's tariff as the portal stored it: its id, the stored version's id, its last_updated and the Dutch day it arrived.</summary>
public sealed record TariffSeen(string TariffId, long VersionId, DateTime LastUpdatedUtc, DateOnly SeenOn);
