using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audits.FieldChecks;
using Portal.Features.FieldChecks;
using Portal.Features.Demo;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.FieldChecks;

/// <summary>Samples drawn through the portal's own service, as Arnhem's demo officer, over the demo concession.</summary>
internal static class FieldCheckTestData
{
    public static async Task<Guid> DemoContractAsync(PortalAppFactory app) =>
        await OfficerTestData.ReadAsync(app, db => db.Contracts.Where(c => c.Reference == DemoContract.Reference).Select(c => c.Id).SingleAsync());

    public static async Task<FieldCheckScope> ArnhemScopeAsync(PortalAppFactory app) =>
        new(await OfficerTestData.ArnhemAsync(app), await DemoContractAsync(app));

    public static async Task<Guid> DrawAsync(PortalAppFactory app, ulong seed, int size)
    {
        var scope = await ArnhemScopeAsync(app);
        var drawn = await app.CallAsync(DemoAccounts.Officer, (FieldCheckService s, System.Security.Claims.ClaimsPrincipal u) => s.DrawAsync(u, scope, size, seed));
        Assert.Null(drawn.Problem);
        return drawn.Id!.Value;
    }

    public static Task<FieldCheckSample> LoadAsync(PortalAppFactory app, Guid id) =>
        OfficerTestData.ReadAsync(app, db => db.Set<FieldCheckSample>().AsNoTracking().Include(s => s.Strata)
            .Include(s => s.Locations).ThenInclude(l => l.Items).Include(s => s.Locations).ThenInclude(l => l.Photos).Include(s => s.History)
            .AsSplitQuery().SingleAsync(s => s.Id == id));
}
