using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Integration.Changes;

public static class ChangesRegistration
{
    /// <summary>Live changes for open pages; the host adds <see cref="ChangeSignalInterceptor"/> to its DbContext and runs <see cref="ChangeSignals"/> on a timer.</summary>
    public static IServiceCollection AddLiveChanges(this IServiceCollection services)
    {
        services.TryAddSingleton<LiveChanges>();
        services.TryAddSingleton<ChangeSignalInterceptor>();
        services.TryAddSingleton<ChangeSignals>();
        return services;
    }
}
