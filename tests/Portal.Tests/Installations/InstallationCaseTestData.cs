using Portal.Domain.Spots;
using Portal.Features.Installations;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;
using Portal.Tests.Spots;
using Portal.Tests.TrafficOrders;

namespace Portal.Tests.Installations;

/// <summary>Cases opened through the portal's own service: a spot of Arnhem whose order became final, assigned to an operator.</summary>
internal static class InstallationCaseTestData
{
    public static DateOnly Today => TrafficOrderTestData.Today;

    /// <summary>A spot whose order was published 60 days ago and made final: ready for installation.</summary>
    public static async Task<Guid> ReadySpotAsync(this PortalAppFactory app, string address, double offset)
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var spot = await app.NewSpotAsync(officer, address, status: SpotStatus.Approved, latitudeOffset: offset);
        await app.PublishedOrderAsync(officer, arnhem, "Installatie " + address, Today.AddDays(-60), spot);
        await app.OrdersAsync(s => s.MakeFinalWhereDueAsync());
        Assert.Equal(SpotStatus.ReadyForInstallation, await app.StatusOfAsync(spot));
        return spot;
    }

    /// <summary>Arnhem's demo officer opens a case for a new ready spot, assigned to <paramref name="operatorId"/>; its id and reference.</summary>
    public static async Task<(Guid Id, string Reference)> OpenedCaseAsync(this PortalAppFactory app, string address, double offset, Guid operatorId)
    {
        var spot = await app.ReadySpotAsync(address, offset);
        var opened = await app.CallAsync(DemoAccounts.Officer, (InstallationService s, System.Security.Claims.ClaimsPrincipal u) => s.OpenAsync(u, spot, operatorId, null));
        Assert.Null(opened.Problem);
        var found = await app.CallAsync(DemoAccounts.Officer, (InstallationService s, System.Security.Claims.ClaimsPrincipal u) => s.FindAsync(u, opened.CaseId!.Value));
        return (found!.Id, found.Reference);
    }

    public static Task<T> InstallationsAs<T>(this PortalAppFactory app, string email, Func<InstallationService, System.Security.Claims.ClaimsPrincipal, Task<T>> call) =>
        app.CallAsync(email, call);
}
