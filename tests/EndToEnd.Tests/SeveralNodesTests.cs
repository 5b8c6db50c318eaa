using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// Two nodes behind nginx: the back office works on the node the balancer's cookie keeps a browser on
/// (prerender, negotiate and the circuit's WebSocket), and the front office works on any node, also when
/// a form's GET and POST are answered by different nodes (shared data-protection keys).
/// </summary>
[Collection(SeveralNodesCollection.Name)]
public sealed class SeveralNodesTests(TwoNodesBehindNginx nodes) : IClassFixture<TwoNodesBehindNginx>
{
    private const string NodeHeader = "x-portal-node";

    [Fact]
    public async Task AnOfficer_WorksTheQueueThroughNginx_EveryRequestAndTheCircuitOnOneNode()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var answers = new ConcurrentQueue<(string Url, string Node)>();
        page.Response += (_, response) =>
        {
            if (response.Url.StartsWith(nodes.BaseUrl, StringComparison.Ordinal))
                answers.Enqueue((response.Url, response.Headers.GetValueOrDefault(NodeHeader, "no node header")));
        };
        var sockets = new ConcurrentQueue<IWebSocket>();
        page.WebSocket += (_, socket) => sockets.Enqueue(socket);

        await Journey.LogInAsync(page, "ambtenaar@demo.example", PortalServer.DemoPassword);
        await page.GotoAsync("/beheer/aanvragen");
        await Journey.WaitForCircuitAsync(page);
        var references = page.Locator("[data-testid=queue] tbody a[data-reference]");
        await Assertions.Expect(references).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A search runs over the circuit: the grid asks its node for the rows and puts the view in the address.
        var reference = await references.Last.GetAttributeAsync("data-reference") ?? throw new InvalidOperationException("A row without its reference.");
        await page.Locator("#queue-search").FillAsync(reference);
        await Assertions.Expect(references).ToHaveCountAsync(1);
        await Assertions.Expect(references.First).ToHaveAttributeAsync("data-reference", reference);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]zoek="));

        // The circuit is a WebSocket through nginx (no fallback to long polling), still open after the search.
        var circuit = Assert.Single(sockets, s => s.Url.Contains("/_blazor", StringComparison.Ordinal));
        Assert.False(circuit.IsClosed, nodes.Diagnostics);
        // Log-in, prerender, negotiate and static files: all answered by one node, the one of the cookie.
        Assert.Contains(answers, a => a.Url.Contains("/_blazor/negotiate", StringComparison.Ordinal));
        var node = Assert.Single(answers.Select(a => a.Node).Distinct());
        Assert.Contains(node, nodes.Nodes);
        await context.CloseAsync();
    }

    [Fact]
    public async Task FrontOfficeRequestsWithoutTheCookie_LandOnBothNodes()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(nodes.BaseUrl) };
        var answeredBy = new HashSet<string>();
        // Each request is a newcomer: nginx picks a node by a fresh random key, so 64 of them on one node means no spreading.
        for (var i = 0; i < 64 && answeredBy.Count < nodes.Nodes.Count; i++)
        {
            using var response = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Arnhem", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{Nginx.AffinityCookie}=", StringComparison.Ordinal));
            answeredBy.Add(response.Headers.GetValues(Nginx.NodeHeader).Single());
        }

        Assert.Equal(nodes.Nodes.Order(), answeredBy.Order());
    }

    [Fact]
    public async Task AFrontOfficeForm_FromOneNode_IsAcceptedByTheOther()
    {
        var (first, second) = (nodes.Nodes[0], nodes.Nodes[1]);
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();

        await PinAsync(context, first);
        var form = await page.GotoAsync("/account/inloggen");
        Assert.Equal(first, await form!.HeaderValueAsync(NodeHeader));
        await page.GetByLabel("E-mailadres").FillAsync("bewoner@demo.example");
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(PortalServer.DemoPassword);

        // The antiforgery token in the form and its cookie came from the first node; the second checks them.
        await PinAsync(context, second);
        var post = await page.RunAndWaitForResponseAsync(
            () => page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/account/inloggen", StringComparison.Ordinal));
        Assert.Equal(second, await post.HeaderValueAsync(NodeHeader));
        Assert.Equal((int)HttpStatusCode.Redirect, post.Status);
        await page.WaitForURLAsync(url => !url.Contains("/account/inloggen", StringComparison.Ordinal));

        // And the sign-in cookie the second node issued is good on the first.
        await PinAsync(context, first);
        var mine = await page.GotoAsync("/mijn-gegevens");
        Assert.Equal(first, await mine!.HeaderValueAsync(NodeHeader));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("bewoner@demo.example");
        await context.CloseAsync();
    }

    private Task<IBrowserContext> NewContextAsync() =>
        nodes.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = nodes.BaseUrl, Locale = "nl-NL" });

    /// <summary>Sets the balancer's cookie so that the browser's next requests go to <paramref name="node"/>.</summary>
    private async Task PinAsync(IBrowserContext context, string node)
    {
        var key = await nodes.AffinityKeyForAsync(node);
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = Nginx.AffinityCookie, Value = key, Url = nodes.BaseUrl }]);
    }
}
