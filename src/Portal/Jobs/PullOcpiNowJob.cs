using System.Globalization;
using Portal.Integration.Ocpi.Pulling;
using Quartz;

namespace Portal.Jobs;

/// <summary>
/// One pull an administrator asked for ("pull now" on /admin/ocpi/{id}): a durable job without a
/// trigger of its own, fired once per request with the connection, module and mode in its data.
/// It runs on whichever node the cluster picks, outside the web request.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PullOcpiNowJob(OcpiPuller puller, JobRunLog runs, TimeProvider clock, ILogger<PullOcpiNowJob> logger)
    : PortalJob(runs, clock, logger)
{
    public static readonly JobKey Key = new(nameof(PullOcpiNowJob));

    private const string ConnectionKey = "connection";
    private const string ModuleKey = "module";
    private const string ModeKey = "mode";

    /// <summary>Strings only: the clustered store serialises the map as JSON.</summary>
    public static JobDataMap Data(Guid connectionId, OcpiModule module, PullMode mode) => new()
    {
        [ConnectionKey] = connectionId.ToString("D", CultureInfo.InvariantCulture),
        [ModuleKey] = module.ToString(),
        [ModeKey] = mode.ToString(),
    };

    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var connectionId = Guid.Parse(data.GetString(ConnectionKey)!, CultureInfo.InvariantCulture);
        var module = Enum.Parse<OcpiModule>(data.GetString(ModuleKey)!);
        var mode = Enum.Parse<PullMode>(data.GetString(ModeKey)!);
        var report = await puller.PullAsync(connectionId, module, mode, cancellationToken);
        logger.LogInformation("Pull now of {Module} ({Mode}) from connection {Connection}: {Outcome}", module, mode, connectionId, report.Outcome);
    }
}
