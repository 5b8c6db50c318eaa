using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Tests.Jobs;

/// <summary>
/// Hangfire filters for one test portal only: the portal's job server takes its filter provider from its
/// own services, so these reach that app's jobs and not those of other test classes running at the same time
/// (Hangfire's GlobalJobFilters are static, shared by the whole test process).
/// </summary>
public sealed class TestJobFilters(IReadOnlyList<object> filters) : IJobFilterProvider
{
    public IEnumerable<JobFilter> GetFilters(Job job) =>
        JobFilterProviders.Providers.GetFilters(job).Concat(filters.Select(f => new JobFilter(f, JobFilterScope.Global, null)));

    public static void Add(IServiceCollection services, params object[] filters) =>
        services.AddSingleton<IJobFilterProvider>(new TestJobFilters(filters));
}
