using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MudBlazor.Services;
using Portal.Components.BackOffice;

namespace Portal.Hosting;

/// <summary>
/// The back office (officers, CPO users, administrators): interactive server rendering over a
/// circuit, MudBlazor, and a circuit that re-checks its user. The limits are in the "BackOffice"
/// section (README, configuration table).
/// </summary>
internal static class BackOfficeRegistration
{
    public static void AddPortalBackOffice(this WebApplicationBuilder builder)
    {
        // Blazor's script and MudBlazor's files come from the framework and packages as static web
        // assets. Outside Development they are only found from a published folder; this serves them
        // from a build folder too (CI and the tests run there) and changes nothing once published.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        var section = builder.Configuration.GetSection("BackOffice");
        var options = section.Get<BackOfficeOptions>() ?? new BackOfficeOptions();
        services.AddOptions<BackOfficeOptions>().Bind(section);

        services.AddRazorComponents()
            .AddInteractiveServerComponents(circuit =>
            {
                circuit.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(options.DisconnectedCircuitRetentionSeconds);
                circuit.DisconnectedCircuitMaxRetained = options.DisconnectedCircuitMaxRetained;
                circuit.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(options.JsInteropTimeoutSeconds);
                circuit.MaxBufferedUnacknowledgedRenderBatches = 10;
            })
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = options.MaximumReceiveMessageBytes);

        services.AddMudServices(mud =>
        {
            mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            mud.SnackbarConfiguration.VisibleStateDuration = 6000;
            mud.SnackbarConfiguration.PreventDuplicates = false;
            // No fading: a half-transparent message fails contrast, and motion adds nothing here.
            mud.SnackbarConfiguration.ShowTransitionDuration = 0;
            mud.SnackbarConfiguration.HideTransitionDuration = 0;
        });

        services.AddScoped<StaffPrincipalCheck>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingStaffAuthenticationStateProvider>();
        services.AddScoped<ServiceCalls>();
        services.AddHostedService<LiveChangesLoop>();
    }
}

/// <summary>The "BackOffice" configuration section.</summary>
public sealed class BackOfficeOptions
{
    /// <summary>How long the server keeps a circuit whose browser went away, so a short drop loses nothing.</summary>
    public int DisconnectedCircuitRetentionSeconds { get; set; } = 180;

    /// <summary>How many such circuits one node keeps at most (each holds its page's state in memory).</summary>
    public int DisconnectedCircuitMaxRetained { get; set; } = 100;

    /// <summary>How long a call into the browser (the map, downloads) may take before it fails.</summary>
    public int JsInteropTimeoutSeconds { get; set; } = 30;

    /// <summary>Largest message from the browser; files are uploaded as streams in smaller pieces.</summary>
    public long MaximumReceiveMessageBytes { get; set; } = 64 * 1024;

    /// <summary>How often an open circuit checks that its user may still work here (blocked, role removed, signed out elsewhere).</summary>
    public int RevalidationSeconds { get; set; } = 60;

    /// <summary>How often this node tells open pages (its own and, through the database, other nodes') what it changed.</summary>
    public int LiveFlushMilliseconds { get; set; } = 1000;

    /// <summary>How often this node reads the changes other nodes made, while a page follows any.</summary>
    public double LivePollSeconds { get; set; } = 2;
}
