using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Features.Mail;
using Portal.Integration.Mail;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Mail;

/// <summary>
/// The outbox grid's query (state filter, search, sort, page in the database) and the interactive
/// outbox page (bUnit) over the real portal; the scheduler is off, so each mail stays in the state
/// the test put it in.
/// </summary>
public sealed class MailOutboxPageTests(FlakyMailApp app) : IClassFixture<FlakyMailApp>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Three mails with one marker: "een" sent (1 attempt), "twee" failed (3 attempts), "drie" waiting (0), created in that order.</summary>
    private async Task<string> ThreeMailsAsync()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        await DeliveringMailFromTheOutboxTests.EnqueueAsync(app.App, $"lijst-a-{marker}@test.example", $"Lijstmail {marker} een");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await DeliveringMailFromTheOutboxTests.EnqueueAsync(app.App, $"{FlakyMailApp.FailsAlways}{marker}@test.example", $"Lijstmail {marker} twee");
        for (var attempt = 0; attempt < FlakyMailApp.MaxAttempts; attempt++)
        {
            await DeliveringMailFromTheOutboxTests.DeliverAsync(app.App);
            app.Clock.Advance(TimeSpan.FromHours(2));
        }
        await DeliveringMailFromTheOutboxTests.EnqueueAsync(app.App, $"lijst-b-{marker}@test.example", $"Lijstmail {marker} drie");
        return marker;
    }

    private async Task<GridPage<MailOutboxRow>> MailAsync(GridQuery query, OutboxMailState? state = null)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailOutboxQueries>().MailAsync(query, state);
    }

    private static IEnumerable<string> Last(GridPage<MailOutboxRow> page) => page.Items.Select(m => m.Subject.Split(' ')[^1]);

    [Fact]
    public async Task TheQuery_SortsNewestFirst_OrOnEachColumn()
    {
        var marker = await ThreeMailsAsync();

        Assert.Equal(["drie", "twee", "een"], Last(await MailAsync(new GridQuery(marker, null, false, 0, 25))));
        Assert.Equal(["een", "twee", "drie"], Last(await MailAsync(new GridQuery(marker, "CreatedAtUtc", false, 0, 25))));
        Assert.Equal(["drie", "twee", "een"], Last(await MailAsync(new GridQuery(marker, "CreatedAtUtc", true, 0, 25))));
        Assert.Equal(["drie", "een", "twee"], Last(await MailAsync(new GridQuery(marker, "Subject", false, 0, 25))));
        Assert.Equal(["twee", "een", "drie"], Last(await MailAsync(new GridQuery(marker, "Subject", true, 0, 25))));
        Assert.Equal(["twee", "een", "drie"], Last(await MailAsync(new GridQuery(marker, "ToAddress", false, 0, 25))));
        Assert.Equal(["drie", "een", "twee"], Last(await MailAsync(new GridQuery(marker, "ToAddress", true, 0, 25))));
        Assert.Equal(["twee", "een", "drie"], Last(await MailAsync(new GridQuery(marker, "Attempts", true, 0, 25))));
        Assert.Equal(["drie", "een", "twee"], Last(await MailAsync(new GridQuery(marker, "Attempts", false, 0, 25))));
    }

    [Fact]
    public async Task TheQuery_FiltersOnState_SearchesTheAddress_AndPages()
    {
        var marker = await ThreeMailsAsync();

        Assert.Equal(["twee"], Last(await MailAsync(new GridQuery(marker, null, false, 0, 25), OutboxMailState.Failed)));
        Assert.Equal(["een"], Last(await MailAsync(new GridQuery(marker, null, false, 0, 25), OutboxMailState.Sent)));
        Assert.Equal(["drie"], Last(await MailAsync(new GridQuery(marker, null, false, 0, 25), OutboxMailState.Waiting)));
        Assert.Equal(["drie"], Last(await MailAsync(new GridQuery($"LIJST-B-{marker}", null, false, 0, 25))));
        var second = await MailAsync(new GridQuery(marker, null, false, 1, 2));
        Assert.Equal(3, second.Total);
        Assert.Equal(["een"], Last(second));
        var failed = Assert.Single((await MailAsync(new GridQuery(marker, null, false, 0, 25), OutboxMailState.Failed)).Items);
        Assert.Equal(FlakyMailApp.MaxAttempts, failed.Attempts);
        Assert.Contains("451", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePage_ShowsTheCountsAndTheRows_WithTheirState()
    {
        var marker = await ThreeMailsAsync();
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        context.Navigation.NavigateTo($"/admin/mail?zoek={marker}&sorteer=Subject");

        var page = context.Render<MailOutboxPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr.mail-row").Count), Wait);
        var states = page.FindAll("[data-testid=mail-state]").Select(s => s.TextContent).ToList();
        Assert.Equal("Wachtend", states[0]);
        Assert.StartsWith("Verstuurd (", states[1], StringComparison.Ordinal);
        Assert.Equal("Mislukt", states[2]);
        Assert.Single(page.FindAll("tbody button"), b => b.TextContent.Contains("Nu opnieuw proberen", StringComparison.Ordinal));
        // The counts load beside the rows, not before them.
        page.WaitForAssertion(() =>
        {
            Assert.NotEqual("0", page.Find("[data-testid=count-failed]").TextContent);
            Assert.NotEqual("0", page.Find("[data-testid=count-sent]").TextContent);
            Assert.NotEqual("0", page.Find("[data-testid=count-waiting]").TextContent);
        }, Wait);
    }

    [Fact]
    public async Task ChoosingAState_NarrowsTheGrid_AndKeepsItInTheAddress_AndAnAddressOpensInThatState()
    {
        var marker = await ThreeMailsAsync();
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        var page = context.Render<MailOutboxPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr.mail-row")), Wait);

        await page.Find("#mail-search").InputAsync(new ChangeEventArgs { Value = marker });
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr.mail-row").Count), Wait);
        var select = page.FindComponent<MudSelect<OutboxMailState?>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(OutboxMailState.Sent));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr.mail-row")), Wait);
        Assert.EndsWith($"/admin/mail?zoek={marker}&status=Sent", context.Navigation.Uri, StringComparison.Ordinal);

        await using var again = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        again.RenderProviders();
        again.Navigation.NavigateTo($"/admin/mail?zoek={marker}&status=failed");
        var reopened = again.Render<MailOutboxPage>();
        reopened.WaitForAssertion(() => Assert.Contains($"{marker} twee", Assert.Single(reopened.FindAll("tbody tr.mail-row")).TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(OutboxMailState.Failed, reopened.FindComponent<MudSelect<OutboxMailState?>>().Instance.GetState(x => x.Value));
    }

    [Fact]
    public async Task ACountCard_FiltersOnItsState()
    {
        var marker = await ThreeMailsAsync();
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        context.Navigation.NavigateTo($"/admin/mail?zoek={marker}");
        var page = context.Render<MailOutboxPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr.mail-row").Count), Wait);

        await page.InvokeAsync(() => page.FindAll("[data-testid=mail-counts] button").Single(b => b.TextContent.Contains("Wachtend", StringComparison.Ordinal)).ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Contains($"{marker} drie", Assert.Single(page.FindAll("tbody tr.mail-row")).TextContent, StringComparison.Ordinal), Wait);
        Assert.EndsWith("&status=Waiting", context.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARetryForARoleThePersonDoesNotHold_IsRefused_AndTheMailStaysFailed()
    {
        var marker = await ThreeMailsAsync();
        var failed = Assert.Single((await MailAsync(new GridQuery(marker, null, false, 0, 25), OutboxMailState.Failed)).Items);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var calls = context.Services.GetRequiredService<ServiceCalls>();

        await Assert.ThrowsAsync<BackOfficeAccessDeniedException>(() =>
            calls.RunAsync(PortalRoles.Admin, (MailOutboxDelivery d) => d.RetryAsync(failed.Id)));
        Assert.Single((await MailAsync(new GridQuery(marker, null, false, 0, 25), OutboxMailState.Failed)).Items);
    }
}
