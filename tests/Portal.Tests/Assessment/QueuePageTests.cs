using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Features.Assessment;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Applications.OfficerTestData;

namespace Portal.Tests.Assessment;

/// <summary>The interactive application queue (bUnit) over the real portal and its database.</summary>
public sealed class QueuePageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly ApplicationActor Colleague = new("colleague-id", "Chris Collega");

    private static List<string> References(IRenderedComponent<QueuePage> page) =>
        page.FindAll("[data-testid=queue] tbody [data-reference]").Select(a => a.GetAttribute("data-reference")!).ToList();

    private static async Task<IRenderedComponent<QueuePage>> OpenAsync(BackOfficeContext context, string address)
    {
        context.Navigation.NavigateTo(address);
        var page = context.Render<QueuePage>();
        await Task.Yield();
        return page;
    }

    [Fact]
    public async Task TheGrid_ShowsTheOfficersApplications_FromTheDatabase_WithEveryColumn_AndLinksToEach()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "page.rows@test.example");
        var older = await SubmitAsync(app, resident, arnhem, "Rijenwijk", Now.AddDays(-70), houseNumber: 11);
        var newer = await SubmitAsync(app, resident, arnhem, "Rijenwijk", Now.AddDays(-2), houseNumber: 12,
            prepare: a => a.AssignTo(Colleague, Colleague, Now.AddDays(-1)));
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);

        var page = await OpenAsync(context, "/beheer/aanvragen?wijk=Rijenwijk");

        page.WaitForAssertion(() => Assert.Equal([older.Reference, newer.Reference], References(page)), Wait);
        var rows = page.FindAll("[data-testid=queue] tbody tr");
        Assert.Contains("portal-row--overdue", rows[0].ClassName, StringComparison.Ordinal);
        Assert.Equal("true", rows[0].QuerySelector("[data-testid=deadline]")!.GetAttribute("data-overdue"));
        Assert.Contains("dagen over de termijn", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Zijpendaalseweg 12", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Rijenwijk", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("In behandeling", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Waarschijnlijk toekennen", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Chris Collega", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("nog 54 dagen", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/beheer/aanvragen/{newer.Id}", rows[1].QuerySelector("a[data-reference]")!.GetAttribute("href"));
        Assert.Equal("2 aanvragen gevonden", page.Find("[data-testid=queue-total]").TextContent.Trim());
        Assert.Contains("Mediane doorlooptijd", page.Find("[data-testid=median]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=by-district]"));
    }

    [Fact]
    public async Task TheStatistics_AreTwoBarCharts_WithTheSameFiguresInATable()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "page.statistics@test.example");
        // Decided after 6 and 9 days: the median is 7.5.
        await SubmitAsync(app, resident, arnhem, "Grafiekwijk", Now.AddDays(-10), houseNumber: 71, prepare: a => a.Reject(Colleague, "Eigen oprit.", Now.AddDays(-4)));
        await SubmitAsync(app, resident, arnhem, "Grafiekwijk", Now.AddDays(-12), houseNumber: 72, prepare: a => a.Reject(Colleague, "Eigen oprit.", Now.AddDays(-3)));
        await SubmitAsync(app, resident, arnhem, "Grafiekwijk", Now.AddDays(-1), houseNumber: 73);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

        var page = await OpenAsync(context, "/beheer/aanvragen?wijk=Grafiekwijk");

        AngleSharp.Dom.IElement Row() => page.FindAll("[data-testid=by-district] tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Grafiekwijk");
        page.WaitForAssertion(() => Assert.NotNull(Row()), Wait);
        var row = Row();
        Assert.Equal(["3", "2", "7,5"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Equal(["Wijk", "Aanvragen", "Besluiten", "Mediane doorlooptijd (dagen)"], page.FindAll("[data-testid=by-district] thead th").Select(h => h.TextContent.Trim()));
        foreach (var chart in new[] { "chart-by-district", "chart-median" })
        {
            var figure = page.Find($"[data-testid={chart}]");
            Assert.NotNull(figure.QuerySelector("svg"));
            var picture = figure.QuerySelector("[role=img]")!;
            Assert.Equal("chart-alternative", picture.GetAttribute("aria-describedby"));
            Assert.NotEmpty(page.Find($"#{picture.GetAttribute("aria-labelledby")}").TextContent);
        }
        Assert.Equal("De cijfers van deze grafieken staan ook in de tabel hieronder.", page.Find("#chart-alternative").TextContent);
        // The charts draw the table's districts, in its order.
        var labels = page.Find("[data-testid=chart-by-district] svg").TextContent;
        Assert.Contains("Grafiekwijk", labels, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyResult_SaysSo()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);

        var page = await OpenAsync(context, "/beheer/aanvragen?wijk=Nergenswijk");

        page.WaitForAssertion(() => Assert.Contains("Geen aanvragen die aan dit filter voldoen.", page.Find("[data-testid=queue]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("0 aanvragen gevonden", page.Find("[data-testid=queue-total]").TextContent.Trim());
    }

    [Fact]
    public async Task AnOldBookmark_WithFilterSortAndPage_OpensTheGridInThatState()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "page.bookmark@test.example");
        var references = new List<string>();
        for (var i = 0; i < 27; i++)
            references.Add((await SubmitAsync(app, resident, arnhem, "Bladwijk", Now.AddDays(-1).AddMinutes(i), houseNumber: 10 + i)).Reference);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);

        var page = await OpenAsync(context, "/beheer/aanvragen?wijk=Bladwijk&sorteer=kenmerk&aflopend=1&pagina=2");

        var sorted = references.OrderDescending(StringComparer.Ordinal).ToList();
        page.WaitForAssertion(() => Assert.Equal(sorted.Skip(25), References(page)), Wait);
        Assert.Equal("27 aanvragen gevonden", page.Find("[data-testid=queue-total]").TextContent.Trim());
        Assert.Equal("Bladwijk", page.Find("#queue-district").GetAttribute("value"));
        // The address now names the grid's column; the view is the same.
        Assert.EndsWith("/beheer/aanvragen?sorteer=Reference&aflopend=1&pagina=2&wijk=Bladwijk", context.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_AndFiltering_NarrowTheGrid_AndKeepBothInTheAddress()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "page.search@test.example");
        var wanted = await SubmitAsync(app, resident, arnhem, "Zoekpaginawijk", Now.AddDays(-70), houseNumber: 31, plate: "77-QQ-77");
        var other = await SubmitAsync(app, resident, arnhem, "Zoekpaginawijk", Now.AddDays(-3), houseNumber: 32);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var page = await OpenAsync(context, "/beheer/aanvragen?wijk=Zoekpaginawijk");
        page.WaitForAssertion(() => Assert.Equal([wanted.Reference, other.Reference], References(page)), Wait);

        await page.Find("#queue-search").InputAsync(new ChangeEventArgs { Value = "77qq77" });

        page.WaitForAssertion(() => Assert.Equal([wanted.Reference], References(page)), Wait);
        Assert.EndsWith("/beheer/aanvragen?zoek=77qq77&wijk=Zoekpaginawijk", context.Navigation.Uri, StringComparison.Ordinal);

        await page.Find("#queue-search").InputAsync(new ChangeEventArgs { Value = "" });
        page.WaitForAssertion(() => Assert.Equal([wanted.Reference, other.Reference], References(page)), Wait);
        await OverdueCheckbox(page).ChangeAsync(new ChangeEventArgs { Value = true });

        page.WaitForAssertion(() => Assert.Equal([wanted.Reference], References(page)), Wait);
        Assert.EndsWith("/beheer/aanvragen?wijk=Zoekpaginawijk&verlopen=true", context.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStatusChip_ShowsItsCount_AndFiltersOnThatStatus()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "page.chips@test.example");
        var open = await SubmitAsync(app, resident, arnhem, "Chipwijk", Now.AddDays(-4), houseNumber: 41);
        var rejected = await SubmitAsync(app, resident, arnhem, "Chipwijk", Now.AddDays(-5), houseNumber: 42,
            prepare: a => a.Reject(Colleague, "Eigen oprit.", Now.AddDays(-1)));
        var rejectedInArnhem = await ReadAsync(app, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Applications, a => a.MunicipalityId == arnhem && a.Status == ApplicationStatus.Rejected));
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var page = await OpenAsync(context, "/beheer/aanvragen?wijk=Chipwijk");
        page.WaitForAssertion(() => Assert.Equal([open.Reference], References(page)), Wait);
        page.WaitForAssertion(() => Assert.Equal($"Afgewezen: {rejectedInArnhem}", page.Find("[data-testid=status-counts] [data-status=Rejected]").TextContent.Trim()), Wait);

        await page.InvokeAsync(() => page.Find("[data-testid=status-counts] [data-status=Rejected]").ClickAsync(new MouseEventArgs()));

        page.WaitForAssertion(() => Assert.Equal([rejected.Reference], References(page)), Wait);
        Assert.EndsWith("/beheer/aanvragen?status=Rejected&wijk=Chipwijk", context.Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-primary", page.Find("[data-testid=status-counts] [data-status=Rejected]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApplicationSubmittedWhileTheQueueIsOpen_AppearsWithItsCounts_AndTheSelectionStays()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "page.live@test.example");
        var first = await SubmitAsync(app, resident, arnhem, "Livewijk", Now.AddDays(-3), houseNumber: 81);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var page = await OpenAsync(context, "/beheer/aanvragen?wijk=Livewijk");
        page.WaitForAssertion(() => Assert.Equal([first.Reference], References(page)), Wait);
        var submittedBefore = SubmittedCount(page);
        await RowCheckbox(page, first.Reference).ChangeAsync(new ChangeEventArgs { Value = true });
        page.WaitForAssertion(() => Assert.Equal("1 geselecteerd", page.Find("[data-testid=selected-count]").TextContent.Trim()), Wait);

        // Saved outside the page, as a resident's submission on any node would be.
        var second = await SubmitAsync(app, resident, arnhem, "Livewijk", Now.AddDays(-1), houseNumber: 82);

        page.WaitForAssertion(() => Assert.Equal([first.Reference, second.Reference], References(page)), Wait);
        // The statistics are read before the rows; a reload for the first submission may still show the old counts.
        page.WaitForAssertion(() => Assert.Equal(submittedBefore + 1, SubmittedCount(page)), Wait);
        Assert.Equal("2 aanvragen gevonden", page.Find("[data-testid=queue-total]").TextContent.Trim());
        Assert.Equal("1 geselecteerd", page.Find("[data-testid=selected-count]").TextContent.Trim());
        Assert.True(RowCheckbox(page, first.Reference).HasAttribute("checked"));
        page.WaitForAssertion(() => Assert.Equal("2", page.FindAll("[data-testid=by-district] tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent == "Livewijk").QuerySelector("td")!.TextContent.Trim()), Wait);
    }

    private static int SubmittedCount(IRenderedComponent<QueuePage> page) =>
        int.Parse(page.Find("[data-testid=status-counts] [data-status=Submitted]").TextContent.Split(':')[1].Trim(), System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    [Fact]
    public async Task AssigningTheSelectedRows_ThroughTheDialog_GivesThemToTheChosenOfficer()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "page.assign@test.example");
        var first = await SubmitAsync(app, resident, arnhem, "Toewijspaginawijk", Now.AddDays(-4), houseNumber: 51);
        var second = await SubmitAsync(app, resident, arnhem, "Toewijspaginawijk", Now.AddDays(-3), houseNumber: 52);
        var untouched = await SubmitAsync(app, resident, arnhem, "Toewijspaginawijk", Now.AddDays(-2), houseNumber: 53);
        var colleague = await UserAsync(app, "dirk.dialoog@arnhem.example", "Dirk Dialoog", PortalRoles.Officer, arnhem);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();
        var page = await OpenAsync(context, "/beheer/aanvragen?wijk=Toewijspaginawijk");
        page.WaitForAssertion(() => Assert.Equal(3, References(page).Count), Wait);

        await RowCheckbox(page, first.Reference).ChangeAsync(new ChangeEventArgs { Value = true });
        await RowCheckbox(page, second.Reference).ChangeAsync(new ChangeEventArgs { Value = true });
        page.WaitForAssertion(() => Assert.Equal("2 geselecteerd", page.Find("[data-testid=selected-count]").TextContent.Trim()), Wait);
        _ = page.Find("[data-testid=assign-selected]").ClickAsync(new MouseEventArgs());
        dialogs.WaitForElement("#assign-officer", Wait);
        // The officers come from the database; the list opens in a popover, so the test picks the value as the list would.
        dialogs.WaitForAssertion(() => Assert.False(AssignButton(dialogs).HasAttribute("disabled")), Wait);
        var select = dialogs.FindComponent<MudSelect<string>>();
        await dialogs.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(colleague.UserId));
        dialogs.WaitForAssertion(() => Assert.Equal("Dirk Dialoog", dialogs.Find("#assign-officer").GetAttribute("value")), Wait);
        await AssignButton(dialogs).ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "2 aanvragen toegewezen aan Dirk Dialoog."), Wait);
        Assert.Equal(colleague.UserId, (await LoadAsync(app, first.Id)).AssignedOfficerId);
        Assert.Equal(colleague.UserId, (await LoadAsync(app, second.Id)).AssignedOfficerId);
        Assert.Null((await LoadAsync(app, untouched.Id)).AssignedOfficerId);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=queue] tbody tr").Count(r => r.TextContent.Contains("Dirk Dialoog", StringComparison.Ordinal))), Wait);
        Assert.Empty(page.FindAll("[data-testid=selected-count]"));
    }

    [Fact]
    public async Task Exporting_WithoutASelection_DownloadsEveryMatchingRow_AndWithOne_OnlyTheSelected()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "page.export@test.example");
        var first = await SubmitAsync(app, resident, arnhem, "Exportwijk", Now.AddDays(-4), houseNumber: 61);
        var second = await SubmitAsync(app, resident, arnhem, "Exportwijk", Now.AddDays(-3), houseNumber: 62);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var page = await OpenAsync(context, "/beheer/aanvragen?wijk=Exportwijk&sorteer=Address&aflopend=1");
        page.WaitForAssertion(() => Assert.Equal([second.Reference, first.Reference], References(page)), Wait);

        Assert.Equal("Alles exporteren (CSV)", page.Find("[data-testid=export]").TextContent.Trim());
        await page.InvokeAsync(() => page.Find("[data-testid=export]").ClickAsync(new MouseEventArgs()));
        await RowCheckbox(page, first.Reference).ChangeAsync(new ChangeEventArgs { Value = true });
        page.WaitForAssertion(() => Assert.Equal("Selectie exporteren (CSV)", page.Find("[data-testid=export]").TextContent.Trim()), Wait);
        await page.InvokeAsync(() => page.Find("[data-testid=export]").ClickAsync(new MouseEventArgs()));

        var downloads = context.JSInterop.Invocations["portalBackOffice.download"];
        Assert.Equal(2, downloads.Count);
        var (name, type, all) = Download(downloads[0]);
        var (_, _, selected) = Download(downloads[1]);
        Assert.Matches(@"^aanvragen-\d{4}-\d{2}-\d{2}\.csv$", name);
        Assert.Equal("text/csv;charset=utf-8", type);
        Assert.Equal([0xEF, 0xBB, 0xBF], all[..3]);
        var lines = Encoding.UTF8.GetString(all[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Kenmerk;Adres;Wijk;Status;Advies voorbeoordeling;Ingediend;Beslistermijn;Behandelaar", lines[0]);
        Assert.Equal([second.Reference, first.Reference], lines.Skip(1).Select(l => l.Split(';')[0]));
        Assert.StartsWith($"{second.Reference};Zijpendaalseweg 62;Exportwijk;Ingediend;", lines[1], StringComparison.Ordinal);
        var selectedLines = Encoding.UTF8.GetString(selected[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([first.Reference], selectedLines.Skip(1).Select(l => l.Split(';')[0]));
    }

    private static AngleSharp.Dom.IElement OverdueCheckbox(IRenderedComponent<QueuePage> page) =>
        page.Find("[data-testid=queue-overdue]") is { TagName: "INPUT" } input ? input : page.Find("[data-testid=queue-overdue] input");

    private static AngleSharp.Dom.IElement AssignButton(IRenderedComponent<MudDialogProvider> dialogs) =>
        dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Toewijzen", StringComparison.Ordinal));

    private static AngleSharp.Dom.IElement RowCheckbox(IRenderedComponent<QueuePage> page, string reference) =>
        page.FindAll("[data-testid=queue] tbody tr").Single(r => r.QuerySelector($"[data-reference='{reference}']") is not null).QuerySelector("input[type=checkbox]")!;

    private static (string Name, string Type, byte[] Bytes) Download(Bunit.JSRuntimeInvocation invocation)
    {
        var reference = Assert.IsType<DotNetStreamReference>(invocation.Arguments[2]);
        return ((string)invocation.Arguments[0]!, (string)invocation.Arguments[1]!, ((MemoryStream)reference.Stream).ToArray());
    }
}
