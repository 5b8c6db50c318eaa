using System.Globalization;
using System.Net;
using System.Text;
using Bunit;
using Portal.Domain.Audits.Usage;
using Portal.Features.Policies;
using Portal.Features.Usage;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Usage;

/// <summary>
/// The usage report over the real app, on hand-made sessions and CDRs of October 2025: 745 hours, from 30 September
/// 22:00 UTC (midnight, summer time) to 31 October 23:00 UTC (midnight, winter time).
/// </summary>
public sealed class ReportingUsageOverTheAppTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string October = "2025-10";

    private static DateTime Utc(int month, int day, int hour) => new(2025, month, day, hour, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Location A (6921) with EVSEs, location B (6922) with B-1. A-1: session S1 with its CDR C1, session S2
    /// without a CDR, session S3 with its CDR C3 across the month end; one CDR in September. A-2: nothing. B-1: 26 CDRs.
    /// </summary>
    private async Task<UsageTestData> OctoberAsync(string code, string municipality, string party)
    {
        var data = await new UsageTestData(app, code, municipality, party, $"Laadnet {party}").SetUpAsync();
        await data.LocationAsync("A", "Dorpsstraat 1", "6921AB", evses: 2);
        await data.LocationAsync("B", "Kerkstraat 9", "6922CD", evses: 1);
        await data.SessionAsync("S1", "A", "A-1", Utc(10, 10, 8), Utc(10, 10, 12), 20m);
        await data.CdrAsync("C1", "S1", "A", "A-1", Utc(10, 10, 8), Utc(10, 10, 12), 40m, parkingHours: 1m);
        await data.SessionAsync("S2", "A", "A-1", Utc(10, 15, 17), Utc(10, 15, 19), 14m);
        await data.SessionAsync("S3", "A", "A-1", Utc(10, 31, 21), Utc(11, 1, 1), 19m);
        await data.CdrAsync("C3", "S3", "A", "A-1", Utc(10, 31, 21), Utc(11, 1, 1), 20m);
        await data.CdrAsync("C0", null, "A", "A-1", Utc(9, 15, 10), Utc(9, 15, 12), 5m);
        for (var day = 1; day <= 26; day++)
            await data.CdrAsync($"B{day}", null, "B", "B-1", Utc(10, day, 10), Utc(10, day, 11), 1m);
        return data;
    }

    [Fact]
    public async Task TheCsv_HasTheFiguresPerChargePoint_TheCdrWinning_AndTheMonthEndSplit()
    {
        var data = await OctoberAsync("GM0293", "Westervoort", "UWA");

        var rows = await CsvAsync(data.Officer, $"/beheer/gebruik.csv?maand={October}&groep=ChargePoint");

        Assert.Equal("month;grouping;key;name;detail;operator;municipality;evses;sessions;kwh;charging_hours;occupancy_percent;busy_evses", rows[0]);
        Assert.Equal(4, rows.Length);
        // C1 (40 kWh, 4 h less 1 h parked = 3 h) instead of S1; S2 (14 kWh, 2 h); C3 instead of S3, 2 of its 4 hours
        // before midnight: 20 × 2/4 = 10 kWh. Sessions 3, kWh 40 + 14 + 10 = 64, hours 3 + 2 + 2 = 7, 7 / 745 = 0.94 %.
        Assert.Equal("1;3;64;7;0.94;0", Figures(rows, "NL*UWA*EA1"));
        // A-2 charged nothing: zeroes, not missing.
        Assert.Equal("1;0;0;0;0;0", Figures(rows, "NL*UWA*EA2"));
        // B-1: 26 CDRs of 1 hour and 1 kWh: 26 / 745 = 3.49 %; 26 sessions is at least 25: busy.
        Assert.Equal("1;26;26;26;3.49;1", Figures(rows, "NL*UWA*EB1"));
        Assert.Contains($"{October};ChargePoint;", rows[1], StringComparison.Ordinal);
        Assert.Contains(";Laadnet UWA;Westervoort;", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCsv_RollsUpPerLocationDistrictAndCpo_WeighingOccupancyByTheEvses()
    {
        var data = await OctoberAsync("GM0281", "Tiel", "UTI");

        var locations = await CsvAsync(data.Officer, $"/beheer/gebruik.csv?maand={October}&groep=Location&sorteer=Kwh&aflopend=1");
        var districts = await CsvAsync(data.Officer, $"/beheer/gebruik.csv?maand={October}&groep=District");
        var operators = await CsvAsync(data.Officer, $"/beheer/gebruik.csv?maand={October}&groep=Operator");

        // Location A: 2 EVSEs, 3 sessions, 64 kWh, 7 hours over 2 × 745 = 1490 hours: 0.47 %; sorted by kWh, highest first.
        Assert.Equal(3, locations.Length);
        Assert.Equal("2;3;64;7;0.47;0", Figures(locations, "Laadlocatie Dorpsstraat 1"));
        Assert.Contains("Laadlocatie Dorpsstraat 1", locations[1], StringComparison.Ordinal);
        Assert.Equal("1;26;26;26;3.49;1", Figures(locations, "Laadlocatie Kerkstraat 9"));
        Assert.Equal("2;3;64;7;0.47;0", Figures(districts, "6921"));
        // The CPO: 3 EVSEs, 29 sessions, 90 kWh, 33 hours over 3 × 745 = 2235 hours: 1.48 %; one busy point.
        Assert.Equal("3;29;90;33;1.48;1", Figures(operators, "Laadnet UTI"));
    }

    [Fact]
    public async Task ChangingTheThresholds_MarksOtherPointsBusy_AndIsKeptInTheHistory()
    {
        var data = await OctoberAsync("GM0299", "Zevenaar", "UZE");
        var before = await CsvAsync(data.Officer, $"/beheer/gebruik.csv?maand={October}");

        var form = (await app.CallAsync(data.Officer, (PolicyEditor e, System.Security.Claims.ClaimsPrincipal u) => e.OpenAsync(u, data.MunicipalityId)))!.Form;
        form.BusyKwhPerMonth = "60";
        form.BusySessionsPerMonth = "30";
        var saved = await app.CallAsync(data.Officer, (PolicyEditor e, System.Security.Claims.ClaimsPrincipal u) => e.SaveAsync(u, data.MunicipalityId, form));
        var after = await CsvAsync(data.Officer, $"/beheer/gebruik.csv?maand={October}");

        Assert.True(saved.IsValid);
        // A-1 has 64 kWh: busy from 60 kWh. B-1 has 26 sessions and 26 kWh: no longer busy from 30 sessions.
        Assert.EndsWith(";0", Figures(before, "NL*UZE*EA1"), StringComparison.Ordinal);
        Assert.EndsWith(";1", Figures(before, "NL*UZE*EB1"), StringComparison.Ordinal);
        Assert.EndsWith(";1", Figures(after, "NL*UZE*EA1"), StringComparison.Ordinal);
        Assert.EndsWith(";0", Figures(after, "NL*UZE*EB1"), StringComparison.Ordinal);
        var history = await app.CallAsync(data.Officer, (MunicipalityPolicies p, System.Security.Claims.ClaimsPrincipal _) => p.HistoryAsync(data.MunicipalityId));
        var change = Assert.Single(history).Changes;
        Assert.Contains(change, c => c is { Field: "BusyKwhPerMonth", From: "250", To: "60" });
        Assert.Contains(change, c => c is { Field: "BusySessionsPerMonth", From: "25", To: "30" });
    }

    [Fact]
    public async Task ThresholdsOutOfRange_AreRefused_WithTheirMessage()
    {
        var data = await new UsageTestData(app, "GM0226", "Duiven", "UDU", "Laadnet UDU").SetUpAsync();
        var form = (await app.CallAsync(data.Officer, (PolicyEditor e, System.Security.Claims.ClaimsPrincipal u) => e.OpenAsync(u, data.MunicipalityId)))!.Form;
        form.BusyKwhPerMonth = "0";

        var check = await app.CallAsync(data.Officer, (PolicyEditor e, System.Security.Claims.ClaimsPrincipal u) => e.SaveAsync(u, data.MunicipalityId, form));

        Assert.False(check.IsValid);
        Assert.Equal(["Vul een aantal kWh in tussen 1 en 100000."], check.For(nameof(PolicyForm.BusyKwhPerMonth)));
    }

    [Fact]
    public async Task ACpoUser_SeesTheirOwnPointsOnly_AnotherCpoAndAnotherMunicipalitysOfficerSeeNone()
    {
        var data = await OctoberAsync("GM0277", "Rozendaal", "URO");
        var other = await new UsageTestData(app, "GM0275", "Heumen", "UHE", "Laadnet UHE").SetUpAsync();

        var own = await CsvAsync(data.CpoUser, $"/cpo/gebruik.csv?maand={October}");
        var otherCpo = await CsvAsync(other.CpoUser, $"/cpo/gebruik.csv?maand={October}");
        var otherCpoFiltered = await CsvAsync(other.CpoUser, $"/beheer/gebruik.csv?maand={October}&cpo={data.OperatorId}&gemeente={data.MunicipalityId}");
        var otherOfficer = await CsvAsync(other.Officer, $"/beheer/gebruik.csv?maand={October}&gemeente={data.MunicipalityId}");

        Assert.Equal("1;3;64;7;0.94;0", Figures(own, "NL*URO*EA1"));
        Assert.Equal(4, own.Length);
        Assert.Single(otherCpo);
        Assert.Single(otherCpoFiltered);
        Assert.Single(otherOfficer);
        var report = await app.CallAsync(other.CpoUser, (UsageReports r, System.Security.Claims.ClaimsPrincipal u) => r.ReportAsync(u, new UsageQuery(UsageMonth.Parse(October))));
        Assert.DoesNotContain(report.Operators, o => o.Id == data.OperatorId);
        Assert.DoesNotContain(report.Municipalities, m => m.Id == data.MunicipalityId);
    }

    [Theory]
    [InlineData("/beheer/gebruik")]
    [InlineData("/cpo/gebruik")]
    [InlineData("/beheer/gebruik.csv")]
    [InlineData("/cpo/gebruik.csv")]
    public async Task AResidentAndAnAnonymousVisitor_AreRefused(string path)
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        using var anonymous = app.CreateClient();

        var asResident = await resident.Http.GetAsync(new Uri(path, UriKind.Relative));
        var asNobody = await anonymous.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, asResident.StatusCode);
        Assert.NotEqual("text/csv", asResident.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, asNobody.StatusCode);
        Assert.StartsWith("/account/inloggen", asNobody.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePage_ShowsThePointsWithTheBusyOneMarked_AndTwelveMonthsBesideTheChart()
    {
        var data = await OctoberAsync("GM0213", "Brummen", "UBR");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, data.Officer);
        context.RenderProviders();

        var page = context.Render<UsagePage>();
        page.WaitForElement("[data-testid=usage-rows]", TimeSpan.FromSeconds(30));
        // The page opens on the last full month; October 2025 is chosen in the month picker.
        var picker = page.FindComponent<MudBlazor.MudSelect<UsageMonth>>();
        await page.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(new UsageMonth(2025, 10)));

        // B-1: 26 / 745 hours = 3.49 %, shown to one decimal in the reader's culture.
        var occupancy = 3.5.ToString("0.0", CultureInfo.CurrentCulture) + " %";
        page.WaitForAssertion(() => Assert.Contains(occupancy, page.Find("[data-testid=usage-rows]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var busy = page.FindAll("tr.usage-busy");
        Assert.Contains("NL*UBR*EB1", Assert.Single(busy).TextContent, StringComparison.Ordinal);
        var history = page.FindAll("[data-testid=usage-history] tbody tr");
        Assert.Equal(12, history.Count);
        // September: C0 only (1 session, 5 kWh); October: 29 sessions, 90 kWh.
        Assert.Equal(["1", "5"], history[10].QuerySelectorAll("td").Take(2).Select(td => td.TextContent.Trim()));
        Assert.Equal(["29", "90"], history[11].QuerySelectorAll("td").Take(2).Select(td => td.TextContent.Trim()));
        Assert.NotNull(page.Find("[data-testid=usage-method]"));
        Assert.Contains("maand=2025-10", page.Find("[data-testid=usage-csv]").GetAttribute("href"), StringComparison.Ordinal);
    }

    /// <summary>The CSV's lines (without the byte-order mark and the last empty line).</summary>
    private async Task<string[]> CsvAsync(string email, string path)
    {
        using var client = await app.LogInAsAsync(email);
        var response = await client.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The figures of the row with this name: evses, sessions, kWh, charging hours, occupancy % and busy EVSEs.</summary>
    private static string Figures(string[] rows, string name)
    {
        var row = Assert.Single(rows.Skip(1), r => r.Split(';')[3] == name);
        return string.Join(';', row.Split(';')[7..]);
    }
}
