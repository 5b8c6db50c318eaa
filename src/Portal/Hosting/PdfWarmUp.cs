using Portal.Integration.Documents;

namespace Portal.Hosting;

/// <summary>
/// Writes one throw-away PDF once the portal has started (<see cref="PdfFonts.WarmUp"/>), off the request path,
/// so the first order package or compliance export an officer downloads costs what every later one costs.
/// Off with <c>Documents:WarmUpPdfOnStart=false</c> (the in-process tests, which start many portals).
/// </summary>
public sealed class PdfWarmUp(IHostApplicationLifetime lifetime, ILogger<PdfWarmUp> logger) : BackgroundService
{
    private readonly TaskCompletionSource<bool> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once the throw-away PDF is written; false when that failed (only logged) or the portal stopped first.</summary>
    public Task<bool> Done => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
                await started.Task;
            var pdf = await Task.Run(PdfFonts.WarmUp, stoppingToken);
            logger.LogDebug("PDF writer warmed up with a throw-away PDF of {Bytes} bytes", pdf.Length);
            _done.TrySetResult(true);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // A real PDF later reports its own failure to the officer; this one only saves time.
            logger.LogWarning(e, "Warming up the PDF writer failed");
        }
        finally
        {
            _done.TrySetResult(false);
        }
    }
}

internal static class PdfWarmUpRegistration
{
    public static IServiceCollection AddPdfWarmUp(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("Documents:WarmUpPdfOnStart", true))
            return services;
        services.AddSingleton<PdfWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<PdfWarmUp>());
        return services;
    }
}
