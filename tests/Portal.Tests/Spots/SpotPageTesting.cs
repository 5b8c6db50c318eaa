using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Spots;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Spots;

/// <summary>What the spot pages' bUnit tests share: typing into MudBlazor fields, reading the map's calls, the database.</summary>
internal static class SpotPageTesting
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Types a value into a MudBlazor field, whether it listens to each keystroke (Immediate) or to the change when the field is left.</summary>
    public static async Task TypeAsync<T>(this IRenderedComponent<T> cut, string selector, string value) where T : IComponent
    {
        try
        {
            await cut.Find(selector).ChangeAsync(new ChangeEventArgs { Value = value });
        }
        catch (MissingEventHandlerException)
        {
            await cut.Find(selector).InputAsync(new ChangeEventArgs { Value = value });
        }
    }

    /// <summary>The page as a Dutch reader's circuit renders it (numbers with a decimal comma).</summary>
    public static void ReadInDutch() =>
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    public static JsonElement Json(object? value) => JsonSerializer.SerializeToElement(value, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static async Task<(double Latitude, double Longitude)> AChargeLocationAsync(this PortalAppFactory app)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var location = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ChargeLocations.AsNoTracking().OrderBy(l => l.SourceId).FirstAsync();
        return (location.Latitude, location.Longitude);
    }

    public static async Task<Spot?> SpotAsync(this PortalAppFactory app, string address)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Spots.AsNoTracking().Include(s => s.History).SingleOrDefaultAsync(s => s.Address == address);
    }

    public static async Task<Spot> SpotAsync(this PortalAppFactory app, Guid id)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Spots.AsNoTracking().Include(s => s.History).SingleAsync(s => s.Id == id);
    }
}
