using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Persistence;

namespace Portal.Jobs;

/// <summary>
/// Hangfire: storage on the portal's database (see <see cref="JobStorages"/>), a job server on every node with
/// Jobs:Enabled, the recurring jobs (see <see cref="RecurringJobsSetup"/>), the jobs entry of /health and the
/// dashboard at /admin/jobs. The storage, activator and filters are this app's own services rather than
/// Hangfire's static ones, so that several portals in one process (the tests' nodes) keep to their own.
/// </summary>
internal static class JobsRegistration
{
    public static void AddPortalJobs(this WebApplicationBuilder builder)
    {
        var jobs = builder.Configuration.GetSection("Jobs").Get<JobsOptions>() ?? new();
        var database = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new();
        builder.Services.AddSingleton(jobs);
        builder.Services.AddHealthChecks().AddCheck<JobsHealthCheck>("jobs");
        builder.Services.AddScoped(services => new OcpiPullStarter(services, jobs.Enabled));
        builder.Services.AddScoped(services => new OcpiCallStarter(services, jobs.Enabled));

        builder.Services.AddSingleton(services =>
        {
            services.GetRequiredService<IGlobalConfiguration>();   // Hangfire's settings and logging first: the storage logs as it starts
            using var scope = services.CreateScope();
            var connectionString = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetConnectionString()!;
            return JobStorages.For(database.Provider, connectionString, jobs);
        });
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, hangfire) => hangfire
            .UseLogProvider(new HangfireLogging(services.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (!jobs.Enabled)
            return;

        builder.Services.AddHangfireServer(server =>
        {
            server.WorkerCount = jobs.WorkerCount;
            server.SchedulePollingInterval = jobs.PollingInterval;
        });
        builder.Services.AddHostedService<RecurringJobsSetup>();
    }
}
