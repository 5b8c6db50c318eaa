using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Components.BackOffice;
using Portal.Domain.Spots;
using Portal.Features.Spots;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Spots;

/// <summary>The spots grid's query and the status change of several spots at once.</summary>
public sealed class ListingAndChangingSpotsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private async Task<T> WithSpotsAsync<T>(Func<SpotService, Task<T>> call)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<SpotService>());
    }

    private static GridQuery Search(string text, string? sort = null, bool descending = false, int page = 0, int size = 25) => new(text, sort, descending, page, size);

    [Fact]
    public async Task WithoutAStatus_OpenSpotsAreListed_AndRetiredOnesLeftOut()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        await app.NewSpotAsync(officer, "Lijststraat 1");
        await app.NewSpotAsync(officer, "Lijststraat 2", status: SpotStatus.Approved);
        await app.NewSpotAsync(officer, "Lijststraat 3", status: SpotStatus.Retired);

        var open = await WithSpotsAsync(s => s.ListAsync(officer, Search("lijststraat"), status: null));
        var retired = await WithSpotsAsync(s => s.ListAsync(officer, Search("LIJSTSTRAAT"), SpotStatus.Retired));

        Assert.Equal(2, open.Total);
        Assert.Equal(["Lijststraat 1", "Lijststraat 2"], open.Items.Select(r => r.Address));
        Assert.Equal(["Lijststraat 3"], retired.Items.Select(r => r.Address));
    }

    [Fact]
    public async Task EachSortColumn_OrdersInTheDatabase_AndTheOldSortNamesStillWork()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        await app.NewSpotAsync(officer, "Sorteerweg A", bays: 3);
        await app.NewSpotAsync(officer, "Sorteerweg B", bays: 1, status: SpotStatus.Approved);
        await app.NewSpotAsync(officer, "Sorteerweg C", bays: 2, status: SpotStatus.Reserved);

        async Task<IEnumerable<string>> Order(string? sort, bool descending) =>
            (await WithSpotsAsync(s => s.ListAsync(officer, Search("sorteerweg", sort, descending), null))).Items.Select(r => r.Address);

        Assert.Equal(["Sorteerweg A", "Sorteerweg B", "Sorteerweg C"], await Order(null, false));
        Assert.Equal(["Sorteerweg C", "Sorteerweg B", "Sorteerweg A"], await Order("Address", true));
        Assert.Equal(["Sorteerweg B", "Sorteerweg C", "Sorteerweg A"], await Order("Bays", false));
        // In the process's order: candidate, reserved, approved.
        Assert.Equal(["Sorteerweg A", "Sorteerweg C", "Sorteerweg B"], await Order("Status", false));
        // The last change came last: C was reserved after B was approved.
        Assert.Equal(["Sorteerweg C", "Sorteerweg B", "Sorteerweg A"], await Order("gewijzigd", true));
        Assert.Equal(await Order("UpdatedAtUtc", true), await Order("gewijzigd", true));
    }

    [Fact]
    public async Task ASecondPage_HoldsTheRowsAfterTheFirst()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        for (var i = 1; i <= 5; i++)
            await app.NewSpotAsync(officer, $"Paginapad {i}");

        var second = await WithSpotsAsync(s => s.ListAsync(officer, Search("paginapad", page: 1, size: 2), null));

        Assert.Equal(5, second.Total);
        Assert.Equal(["Paginapad 3", "Paginapad 4"], second.Items.Select(r => r.Address));
    }

    [Fact]
    public async Task ChangingSeveralSpots_ChangesThoseTheRuleAllows_AndReportsTheOthersWithTheRule()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var candidate = await app.NewSpotAsync(officer, "Bulkstraat 1");
        var reserved = await app.NewSpotAsync(officer, "Bulkstraat 2", status: SpotStatus.Reserved);
        var realised = await app.NewSpotAsync(officer, "Bulkstraat 3", status: SpotStatus.Realised);

        var result = await WithSpotsAsync(s => s.ChangeStatusesAsync(officer, [candidate, reserved, realised, Guid.NewGuid()], SpotStatus.Approved, null));

        Assert.Equal(2, result.Changed);
        var refusal = Assert.Single(result.Refused);
        Assert.Equal("Bulkstraat 3", refusal.Address);
        Assert.StartsWith("Een plek kan niet van", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.NotFound);
        Assert.Equal(SpotStatus.Approved, await app.StatusOfAsync(candidate));
        Assert.Equal(SpotStatus.Approved, await app.StatusOfAsync(reserved));
        Assert.Equal(SpotStatus.Realised, await app.StatusOfAsync(realised));
        await using var scope = app.App.Services.CreateAsyncScope();
        var history = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<SpotChange>().Where(c => c.SpotId == candidate).ToListAsync();
        Assert.Contains(history, h => h.Kind == SpotChangeKind.StatusChanged && h.To == nameof(SpotStatus.Approved));
    }

    [Fact]
    public async Task RejectingSeveralSpots_WithoutAReason_ChangesNone()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var first = await app.NewSpotAsync(officer, "Redenloos 1");
        var second = await app.NewSpotAsync(officer, "Redenloos 2");

        var result = await WithSpotsAsync(s => s.ChangeStatusesAsync(officer, [first, second], SpotStatus.Rejected, "  "));

        Assert.Equal(0, result.Changed);
        Assert.All(result.Refused, r => Assert.Contains("reden", r.Reason, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(SpotStatus.Candidate, await app.StatusOfAsync(first));
    }
}
