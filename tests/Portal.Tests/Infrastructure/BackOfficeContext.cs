using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Portal.Components.BackOffice;
using Portal.Hosting;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// bUnit over the real portal: a back-office component gets the running app's services (its real
/// database, its texts), MudBlazor's services from bUnit's own container, and a signed-in user who
/// is a real account, with the security stamp and roles the log-in would have put in the cookie.
/// Only the browser is not real: bUnit's JavaScript stand-in answers every call.
/// </summary>
public sealed class BackOfficeContext : BunitContext
{
    private readonly AsyncServiceScope _appScope;

    private BackOfficeContext(PortalAppFactory app, ClaimsPrincipal user)
    {
        _appScope = app.App.Services.CreateAsyncScope();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Authentication = new SwitchableAuthenticationStateProvider(user);
        Services.AddMudServices();
        // The portal's own authorization, not bUnit's stand-in (which would ask for bUnit's fake user).
        Services.AddAuthorizationCore();
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddScoped<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AuthenticationStateProvider>(Authentication);
        // Each call the page makes gets a fresh scope of the real app, as on a circuit.
        Services.AddScoped(sp => new ServiceCalls(app.App.Services.GetRequiredService<IServiceScopeFactory>(), Authentication, sp.GetRequiredService<NavigationManager>()));
        Services.AddFallbackServiceProvider(_appScope.ServiceProvider);
        // MudBlazor registers IOptions<> in bUnit's container, which would answer with defaults: the portal's settings come from the app.
        Services.AddSingleton(app.App.Services.GetRequiredService<IOptions<ThemeOptions>>());
        Services.AddSingleton(app.App.Services.GetRequiredService<IOptions<BackOfficeOptions>>());
        // As on a circuit (this reads services, so it comes after every registration).
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public SwitchableAuthenticationStateProvider Authentication { get; }

    public BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    public ISnackbar Snackbar => Services.GetRequiredService<ISnackbar>();

    /// <summary>
    /// Returns the address once the page has navigated to one that matches. A navigation renders nothing, so a WaitFor
    /// on a component (which checks again only when that component renders) could miss one that comes just after its check.
    /// </summary>
    public async Task<string> NavigatedToAsync(Func<string, bool> matches, TimeSpan timeout)
    {
        var arrived = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, LocationChangedEventArgs e)
        {
            if (matches(e.Location))
                arrived.TrySetResult(e.Location);
        }

        Navigation.LocationChanged += OnChanged;
        try
        {
            if (matches(Navigation.Uri))
                return Navigation.Uri;
            return await arrived.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No navigation to the expected address within {timeout}; the page is at {Navigation.Uri}.");
        }
        finally
        {
            Navigation.LocationChanged -= OnChanged;
        }
    }

    /// <summary>A context whose user is the account with this address, as a fresh log-in makes it.</summary>
    public static async Task<BackOfficeContext> SignedInAsAsync(PortalAppFactory app, string email) =>
        new(app, await app.PrincipalOfAsync(email));

    /// <summary>Renders the providers MudBlazor's dialogs, menus and pickers draw into; render it before the page.</summary>
    public IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _appScope.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _appScope.Dispose();
    }
}

/// <summary>The circuit's user, which a test can change as the revalidating provider would.</summary>
public sealed class SwitchableAuthenticationStateProvider(ClaimsPrincipal user) : AuthenticationStateProvider
{
    private AuthenticationState _state = new(user);

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(_state);

    public void SignOut()
    {
        _state = new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()));
        NotifyAuthenticationStateChanged(Task.FromResult(_state));
    }
}
