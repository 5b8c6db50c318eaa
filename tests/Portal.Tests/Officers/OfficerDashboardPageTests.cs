using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Features.Officers;
using Portal.Tests.Applications;
using Portal.Tests.ChargePoints;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Officers;

/// <summary>The officer's overview (bUnit) over the real portal and its database: charts with their numbers in tables.</summary>
public sealed class OfficerDashboardPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    // A first call warms up the database model; on a busy machine that takes a while.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // The numbers without thousands separators, whichever culture the renderer's thread has.
    private static string Digits(string text) => new([.. text.Trim().Where(char.IsAsciiDigit)]);

    private static Dictionary<string, string> Table(AngleSharp.Dom.IElement table) =>
        table.QuerySelectorAll("tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => Digits(r.Children[^1].TextContent));

    [Fact]
    public async Task TheDemoOfficer_SeesArnhem_WithTheFiguresOfTheDatabase_AsChartsAndTables()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var evses = await OfficerTestData.ReadAsync(app, db => db.Evses.Where(e => e.Status != EvseStatus.Removed)
            .Join(db.ChargeLocations.Where(l => l.MunicipalityId == arnhem), e => e.LocationId, l => l.Id, (e, l) => e.Status)
            .GroupBy(s => s).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));
        var applications = await OfficerTestData.ReadAsync(app, db => db.Applications.Where(a => a.MunicipalityId == arnhem && a.Status != ApplicationStatus.Draft)
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);

        var page = context.Render<OfficerDashboardPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=municipality-overview]")), Wait);
        Assert.Equal("Arnhem (GM0202)", page.Find("section h2").TextContent.Trim());
        Assert.Equal(evses.Values.Sum().ToString(CultureInfo.InvariantCulture), Digits(page.Find("[data-testid=evses]").TextContent));
        var evseTable = Table(page.Find("[data-testid=evses-by-status]"));
        Assert.Equal(evses.ToDictionary(e => Dutch(e.Key), e => e.Value.ToString(CultureInfo.InvariantCulture)), evseTable);
        var applicationTable = Table(page.Find("[data-testid=applications-by-status]"));
        Assert.Equal(applications.Count, applicationTable.Count);
        Assert.Equal(applications[ApplicationStatus.Submitted].ToString(CultureInfo.InvariantCulture), applicationTable["Ingediend"]);
        // Each figure is also a chart, hidden from screen readers, who read the table.
        Assert.Equal(3, page.FindAll(".overview-chart[aria-hidden=true] svg").Count);
        Assert.Equal(12, page.FindAll("[data-testid=decisions-per-month] tbody tr").Count);
        Assert.NotNull(page.Find($"a[href='/beheer/laadpunten?gemeente={arnhem}']"));
    }

    [Fact]
    public async Task DecisionsAreCountedPerDutchCalendarMonth_OverTheLastTwelveMonths()
    {
        var municipality = await OfficerTestData.MunicipalityAsync(app, "GM0289", "Besluitdorp");
        var officer = await OfficerTestData.UserAsync(app, "bert@besluitdorp.test", "Bert Besluit", PortalRoles.Officer, municipality);
        var resident = await OfficerTestData.ResidentAsync(app, "rob@besluitdorp.test");
        var now = DateTime.UtcNow;
        var local = DutchCalendar.LocalTime(now);
        // Half past midnight on the first of this month in the Netherlands: still last month in UTC.
        var firstHalfHour = TimeZoneInfo.ConvertTimeToUtc(new DateTime(local.Year, local.Month, 1, 0, 30, 0, DateTimeKind.Unspecified), DutchCalendar.TimeZone);
        await OfficerTestData.SubmitAsync(app, resident, municipality, null, now.AddDays(-40), houseNumber: 1, prepare: a => a.Reject(officer, "Eigen oprit.", now));
        await OfficerTestData.SubmitAsync(app, resident, municipality, null, now.AddDays(-40), houseNumber: 2, prepare: a => a.Reject(officer, "Eigen oprit.", firstHalfHour));
        await OfficerTestData.SubmitAsync(app, resident, municipality, null, now.AddDays(-500), houseNumber: 3, prepare: a => a.Reject(officer, "Eigen oprit.", now.AddMonths(-13)));
        await OfficerTestData.SubmitAsync(app, resident, municipality, null, now.AddDays(-2), houseNumber: 4);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, "bert@besluitdorp.test");

        var page = context.Render<OfficerDashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("Besluitdorp (GM0289)", page.Find("section h2").TextContent.Trim()), Wait);
        var months = page.FindAll("[data-testid=decisions-per-month] tbody tr");
        Assert.Equal(12, months.Count);
        var thisMonth = months[^1];
        Assert.Equal(new DateOnly(local.Year, local.Month, 1).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")), thisMonth.Children[0].TextContent.Trim(), ignoreCase: true);
        Assert.Equal(["0", "0", "2", "2"], thisMonth.Children.Skip(1).Select(c => c.TextContent.Trim()));
        Assert.All(months.Take(11), m => Assert.Equal("0", m.Children[^1].TextContent.Trim()));
        Assert.Equal(new Dictionary<string, string> { ["Ingediend"] = "1", ["Afgewezen"] = "3" }, Table(page.Find("[data-testid=applications-by-status]")));
        Assert.Equal("1", page.Find("[data-testid=open-applications]").TextContent.Trim());
        Assert.Equal("0", page.Find("[data-testid=locations]").TextContent.Trim());
        // Arnhem is not this officer's municipality: nothing of it shows.
        Assert.DoesNotContain("Arnhem", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChargePointFigures_CountTheMunicipalitysEvsesPerStatus_WithoutRemovedOnes()
    {
        var municipality = await OfficerTestData.MunicipalityAsync(app, "GM0293", "Laaddorp");
        await OfficerTestData.UserAsync(app, "lies@laaddorp.test", "Lies Laad", PortalRoles.Officer, municipality);
        await app.LocationAsync(municipality, "LAAD-1", "Laadweg 1", "Laad BV", evses: [EvseStatus.Charging, EvseStatus.Charging, EvseStatus.OutOfOrder]);
        await app.LocationAsync(municipality, "LAAD-2", "Laadweg 2", "Ander BV", evses: [EvseStatus.Available, EvseStatus.Removed]);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, "lies@laaddorp.test");

        var page = context.Render<OfficerDashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("4", page.Find("[data-testid=evses]").TextContent.Trim()), Wait);
        Assert.Equal(new Dictionary<string, string> { ["Aan het laden"] = "2", ["Defect"] = "1", ["Beschikbaar"] = "1" }, Table(page.Find("[data-testid=evses-by-status]")));
        var operators = page.FindAll("[data-testid=operators] tbody tr").Select(r => (r.Children[0].TextContent.Trim(), r.Children[1].TextContent.Trim(), r.Children[2].TextContent.Trim())).ToList();
        // As many locations each: alphabetical.
        Assert.Equal([("Ander BV", "1", "1"), ("Laad BV", "1", "3")], operators);
        Assert.Equal($"/beheer/laadpunten?gemeente={municipality}&operator=Laad%20BV", page.FindAll("[data-testid=operators] tbody a")[1].GetAttribute("href"));
        Assert.Contains("Er zijn nog geen ingediende aanvragen.", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerWithoutMunicipality_IsToldSo()
    {
        await OfficerTestData.UserAsync(app, "zonder@gemeente.test", "Zonder Gemeente", PortalRoles.Officer);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, "zonder@gemeente.test");

        var page = context.Render<OfficerDashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("hoort nog niet bij een gemeente", page.Find("[data-testid=no-municipality]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(page.FindAll("section"));
    }

    [Fact]
    public void TheChartsMonths_AreTheLastTwelveDutchCalendarMonths()
    {
        // 23:30 UTC on 31 January is already 1 February in Arnhem.
        var months = OfficerDashboardQueries.Months(new DateTime(2026, 1, 31, 23, 30, 0, DateTimeKind.Utc));

        Assert.Equal(new DateOnly(2025, 3, 1), months[0]);
        Assert.Equal(new DateOnly(2026, 2, 1), months[^1]);
        Assert.Equal(12, months.Distinct().Count());
    }

    private static string Dutch(EvseStatus status) => status switch
    {
        EvseStatus.Available => "Beschikbaar",
        EvseStatus.Blocked => "Geblokkeerd",
        EvseStatus.Charging => "Aan het laden",
        EvseStatus.Inoperative => "Niet in bedrijf",
        EvseStatus.OutOfOrder => "Defect",
        EvseStatus.Planned => "Gepland",
        EvseStatus.Reserved => "Gereserveerd",
        _ => "Onbekend",
    };
}
