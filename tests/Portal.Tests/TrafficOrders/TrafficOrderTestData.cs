using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.TrafficOrders;
using Portal.Features.TrafficOrders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.TrafficOrders;

/// <summary>Traffic orders made through the officer's own service, up to the step a test needs.</summary>
internal static class TrafficOrderTestData
{
    public static DateOnly Today => DutchCalendar.Day(DateTime.UtcNow);

    public static async Task<T> OrdersAsync<T>(this PortalAppFactory app, Func<TrafficOrderService, Task<T>> call)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TrafficOrderService>());
    }

    public static async Task<Guid> DraftOrderAsync(this PortalAppFactory app, ClaimsPrincipal officer, Guid municipalityId, string title, params Guid[] spots)
    {
        var step = await app.OrdersAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(municipalityId, title, TrafficOrderRoute.Direct, spots, SignBoard.E4)));
        Assert.True(step.Succeeded, step.Error);
        return step.OrderId!.Value;
    }

    /// <summary>Drafted, police consulted, decided and published on <paramref name="publishedOn"/>.</summary>
    public static async Task<Guid> PublishedOrderAsync(this PortalAppFactory app, ClaimsPrincipal officer, Guid municipalityId, string title, DateOnly publishedOn, params Guid[] spots)
    {
        var id = await app.DraftOrderAsync(officer, municipalityId, title, spots);
        Assert.Null((await app.OrdersAsync(s => s.RecordPoliceConsultationAsync(officer, id, publishedOn.AddDays(-10), "Geen bezwaar."))).Error);
        Assert.Null((await app.OrdersAsync(s => s.DecideAsync(officer, id, publishedOn.AddDays(-1)))).Error);
        Assert.Null((await app.OrdersAsync(s => s.PublishAsync(officer, id, PublicationChannel.Gemeenteblad, publishedOn, "gmb-" + title))).Error);
        return id;
    }
}
