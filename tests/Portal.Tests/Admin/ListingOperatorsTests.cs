using Microsoft.Extensions.DependencyInjection;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Features.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>The operators grid's query: search, sort and page run in the database.</summary>
public sealed class ListingOperatorsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private async Task<GridPage<OperatorRow>> OperatorsAsync(GridQuery query)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TenantAdministration>().OperatorsAsync(query);
    }

    [Fact]
    public async Task SearchOnName_FindsOnlyMatches_InTheAskedOrder_AndCountsThemAll()
    {
        await app.RegisterOperatorAsync("Bravo Lijstladen", "NL*LB2");
        await app.RegisterOperatorAsync("Alfa Lijstladen");
        await app.RegisterOperatorAsync("Charlie Lijstladen", "NL*LA1");

        var byName = await OperatorsAsync(new GridQuery("LIJSTladen", "Name", false, 0, 25));
        var byNameDown = await OperatorsAsync(new GridQuery("lijstladen", "Name", true, 0, 25));
        var byParty = await OperatorsAsync(new GridQuery("lijstladen", "PartyId", false, 0, 25));
        var byPartyDown = await OperatorsAsync(new GridQuery("lijstladen", "PartyId", true, 0, 25));

        Assert.Equal(3, byName.Total);
        Assert.Equal(["Alfa Lijstladen", "Bravo Lijstladen", "Charlie Lijstladen"], byName.Items.Select(o => o.Name));
        Assert.Equal(["Charlie Lijstladen", "Bravo Lijstladen", "Alfa Lijstladen"], byNameDown.Items.Select(o => o.Name));
        // Without a party comes last, whichever way the column is sorted.
        Assert.Equal(["NL*LA1", "NL*LB2", null], byParty.Items.Select(o => o.PartyId));
        Assert.Equal(["NL*LB2", "NL*LA1", null], byPartyDown.Items.Select(o => o.PartyId));
    }

    [Fact]
    public async Task SearchOnAParty_FindsThatOperator_WrittenWithOrWithoutTheStar()
    {
        await app.RegisterOperatorAsync("Partijzoek Laden", "DE*PZ1");

        var withStar = await OperatorsAsync(new GridQuery("de*pz1", null, false, 0, 25));
        var withoutStar = await OperatorsAsync(new GridQuery("DEPZ1", null, false, 0, 25));

        Assert.Equal("Partijzoek Laden", Assert.Single(withStar.Items).Name);
        Assert.Equal("DE*PZ1", Assert.Single(withoutStar.Items).PartyId);
    }

    [Fact]
    public async Task SortingOnUsers_CountsTheCpoUsersOfEachOperator()
    {
        var busy = await app.RegisterOperatorAsync("Gebruikerstel Druk");
        await app.RegisterOperatorAsync("Gebruikerstel Leeg");
        await app.RegisterOperatorAsync("Gebruikerstel Half");
        var half = (await OperatorsAsync(new GridQuery("gebruikerstel half", null, false, 0, 25))).Items.Single().Id;
        var day = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        await app.CreateStaffAsync("Teller Een", $"teller1-{Guid.NewGuid():N}@cpo.example", PortalRoles.CpoUser, day, busy);
        await app.CreateStaffAsync("Teller Twee", $"teller2-{Guid.NewGuid():N}@cpo.example", PortalRoles.CpoUser, day, busy);
        await app.CreateStaffAsync("Teller Drie", $"teller3-{Guid.NewGuid():N}@cpo.example", PortalRoles.CpoUser, day, half);

        var most = await OperatorsAsync(new GridQuery("gebruikerstel", "Users", true, 0, 25));
        var fewest = await OperatorsAsync(new GridQuery("gebruikerstel", "Users", false, 0, 25));

        Assert.Equal([("Gebruikerstel Druk", 2), ("Gebruikerstel Half", 1), ("Gebruikerstel Leeg", 0)], most.Items.Select(o => (o.Name, o.Users)));
        Assert.Equal(["Gebruikerstel Leeg", "Gebruikerstel Half", "Gebruikerstel Druk"], fewest.Items.Select(o => o.Name));
    }

    [Fact]
    public async Task APageBeyondTheFirst_SkipsTheRowsBeforeIt_AndKeepsTheTotal()
    {
        for (var i = 1; i <= 5; i++)
            await app.RegisterOperatorAsync($"Paginaladen {i}");

        var second = await OperatorsAsync(new GridQuery("paginaladen", "Name", false, 1, 2));

        Assert.Equal(5, second.Total);
        Assert.Equal(["Paginaladen 3", "Paginaladen 4"], second.Items.Select(o => o.Name));
    }

    [Fact]
    public async Task ADuplicateName_AndAMalformedParty_AreRefused()
    {
        await app.RegisterOperatorAsync("Dubbel Laden");
        await using var scope = app.App.Services.CreateAsyncScope();
        var tenants = scope.ServiceProvider.GetRequiredService<TenantAdministration>();

        Assert.Equal("Duplicate", await tenants.RegisterOperatorAsync(" Dubbel Laden ", null));
        Assert.NotNull(await tenants.RegisterOperatorAsync("Foute Partij Laden", "NL-XX"));
        Assert.Equal(0, (await OperatorsAsync(new GridQuery("foute partij", null, false, 0, 25))).Total);
    }
}
