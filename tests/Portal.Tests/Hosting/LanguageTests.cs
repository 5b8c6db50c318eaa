using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hosting;

public sealed class LanguageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Default_IsDutch()
    {
        using var client = app.CreateClient();

        var (_, page) = await client.GetPageAsync("/laadpunten");

        Assert.Equal("nl", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Laadpunten", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Direct naar de inhoud", page.QuerySelector(".portal-skip-link")!.TextContent);
    }

    [Fact]
    public async Task SwitchingToEnglish_ChangesTheTexts_AndSwitchingBackRestoresDutch()
    {
        using var client = app.CreateClient();

        var switched = await client.Http.GetAsync("/taal/en?returnUrl=%2Flaadpunten");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/laadpunten", switched.Headers.Location!.OriginalString);

        var (_, english) = await client.GetPageAsync("/laadpunten");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Charge points", english.QuerySelector("h1")!.TextContent);
        Assert.Contains("charge locations found", english.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        await client.Http.GetAsync("/taal/nl?returnUrl=%2F");
        var (_, dutch) = await client.GetPageAsync("/laadpunten");
        Assert.Equal("Laadpunten", dutch.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task SwitchWithAForeignReturnUrl_StaysOnThePortal(string returnUrl)
    {
        using var client = app.CreateClient();

        var response = await client.Http.GetAsync($"/taal/en?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task UnsupportedLanguage_IsABadRequest()
    {
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.GetAsync("/taal/fr")).StatusCode);
    }
}
