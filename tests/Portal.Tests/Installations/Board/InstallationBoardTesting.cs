using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Spots;
using Portal.Features.Installations;
using Portal.Integration.Accounts;
using Portal.Tests.Applications;
using Portal.Tests.Contracts;
using Portal.Tests.Infrastructure;
using Portal.Tests.Spots;
using Portal.Tests.TrafficOrders;

namespace Portal.Tests.Installations.Board;

/// <summary>Cases for the board and case page tests, made through the portal's own services.</summary>
internal static class InstallationBoardTesting
{
    public const string OtherCpoPassword = "Andere-Operator-2026!";

    /// <summary>A tiny but real PNG (its 8-byte signature and an IHDR chunk), which the document store accepts by its bytes.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];

    public static DateOnly Today => TrafficOrderTestData.Today;

    /// <summary>A spot of Arnhem whose order was published 60 days ago and made final: ready for installation.</summary>
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

    /// <summary>A case for a new ready spot, assigned to the demo operator by Arnhem's demo officer.</summary>
    public static async Task<Guid> OpenedCaseAsync(this PortalAppFactory app, string address, double offset)
    {
        var spot = await app.ReadySpotAsync(address, offset);
        var cpo = await ContractTestSetup.DemoOperatorAsync(app);
        var opened = await app.InstallationsAsync(DemoAccounts.Officer, (s, u) => s.OpenAsync(u, spot, cpo, null));
        Assert.Null(opened.Problem);
        return opened.CaseId!.Value;
    }

    public static Task<T> InstallationsAsync<T>(this PortalAppFactory app, string email, Func<InstallationService, ClaimsPrincipal, Task<T>> call) => app.CallAsync(email, call);

    /// <summary>The CPO user of another operator (and officers of Ede and Renkum), able to log in over HTTP.</summary>
    public static async Task OutsidersAsync(this PortalAppFactory app)
    {
        await ContractTestSetup.OutsidersAsync(app);
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var account = (await users.FindByEmailAsync(ContractTestSetup.OtherCpo))!;
        if (!await users.HasPasswordAsync(account))
            Assert.True((await users.AddPasswordAsync(account, OtherCpoPassword)).Succeeded);
    }
}
