using Microsoft.Extensions.DependencyInjection;
using Portal.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hosting;

/// <summary>A portal started as in production writes its throw-away PDF once it has started, off the request path.</summary>
public sealed class WarmingUpThePdfWriterTests(WarmingUpThePdfWriterTests.WarmUpOnAppFactory app) : IClassFixture<WarmingUpThePdfWriterTests.WarmUpOnAppFactory>
{
    [Fact]
    public async Task AStartedPortal_WritesItsThrowAwayPdf()
    {
        var warmUp = app.App.Services.GetRequiredService<PdfWarmUp>();

        Assert.True(await warmUp.Done.WaitAsync(TimeSpan.FromMinutes(2)));
    }

    public sealed class WarmUpOnAppFactory : PortalAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Documents:WarmUpPdfOnStart"] = "true" };
    }
}
