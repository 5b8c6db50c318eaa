using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using Portal.Features.Demo;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Demo;

/// <summary>The demo's installation cases over the real portal: one final order, four cases at four points of the work, and a second seeding that adds nothing.</summary>
public sealed class SeedingTheDemoInstallationsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    [Fact]
    public async Task FourSpotsInAFinalOrder_HaveCasesPlacedOverduePausedAndJustAssigned()
    {
        var order = await QueryAsync(db => db.TrafficOrders.Include(o => o.Locations).SingleAsync(o => o.Title == DemoInstallations.OrderTitle));
        var spotIds = order.Locations.Select(l => l.SpotId).ToList();
        var cases = await QueryAsync(db => db.InstallationCases.Include(c => c.Steps).Where(c => spotIds.Contains(c.SpotId)).ToListAsync());
        var addresses = await QueryAsync(db => db.Spots.Where(s => spotIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (s.Address, s.Status)));
        var contract = await QueryAsync(db => db.Contracts.Include(c => c.Versions).SingleAsync(c => c.Reference == DemoContract.Reference));
        var today = DutchCalendar.Day(DateTime.UtcNow);
        InstallationCase At(string address) => cases.Single(c => addresses[c.SpotId].Address == address);

        Assert.Equal(TrafficOrderStatus.Final, order.Status);
        Assert.All(addresses.Values, a => Assert.Equal(SpotStatus.ReadyForInstallation, a.Status));
        Assert.Equal(4, cases.Count);
        Assert.All(cases, c => Assert.Equal(contract.Id, c.ContractId));

        // Placed with its signs (marked placed in the order), waiting for the data; opened 200 days ago, past the 26-week term.
        var placed = At("Sonsbeeksingel 40");
        Assert.Equal(InstallationStep.Commissioned, placed.Next);
        Assert.Equal(SignPlacement.Placed, order.Locations.Single(l => l.SpotId == placed.SpotId).SignStatus);
        Assert.Equal(today.AddDays(-200 + 182), contract.InstallationDueOn(placed.OpenedOn));
        // A change of connection requested 130 days ago: the ACM's 12 weeks (84 days) have passed.
        var waiting = At("Velperweg 60");
        var late = Assert.Single(waiting.Overdue(today, TermsCalendar.Default), o => o.Step == InstallationStep.GridConnectionRequested);
        Assert.Equal(today.AddDays(-130 + 84), late.DueOn);
        Assert.Equal(InstallationCaseStatus.Paused, At("Kastanjelaan 12").Status);
        Assert.False(At("Schependomlaan 30")[InstallationStep.AcceptedByCpo].IsDone);
    }

    [Fact]
    public async Task SeedingAgain_AddsNothing()
    {
        var before = await CountsAsync();

        await using (var scope = app.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();

        Assert.Equal(before, await CountsAsync());
        Assert.Equal((1, 4), before);
    }

    private Task<(int Orders, int Cases)> CountsAsync() => QueryAsync(async db =>
    {
        var spots = db.TrafficOrders.Where(o => o.Title == DemoInstallations.OrderTitle).SelectMany(o => o.Locations).Select(l => l.SpotId);
        return (await db.TrafficOrders.CountAsync(o => o.Title == DemoInstallations.OrderTitle), await db.InstallationCases.CountAsync(c => spots.Contains(c.SpotId)));
    });
}
