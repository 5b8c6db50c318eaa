using Bunit;
using Portal.Domain.Requirements;
using Portal.Features.Contracts.Protocols;
using Portal.Tests.Admin;
using Portal.Tests.Contracts.Evidence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contracts.Protocols;

/// <summary>The contract page's protocol updates section in bUnit over the real portal: an open, a closed and an overdue due date, for the officer and the operator's CPO user.</summary>
public sealed class ProtocolUpdatesSectionTests(EvidenceAppFactory app) : IClassFixture<EvidenceAppFactory>
{
    [Fact]
    public async Task TheSection_ShowsAnOpenAClosedAndAnOverdueDueDate_WithTheEvidenceThatClosedIt()
    {
        // The contract started 400 days ago with G-3 (major 18, minor 6 months) and SC-9 (OCPP 2.0.1), so OCPP is required.
        var id = await app.ContractWithUpdatesAsync("PROTOCOL-SECTIE", startedDaysAgo: 400);
        var today = app.Today();
        // OCPP 2.2, minor, certified 5 days ago: due in about six months, open.
        await app.CertifyAsync("OCPP", "2.2", ProtocolUpdateKind.Minor, today.AddDays(-5));
        // OCPP 2.1, major, certified 100 days ago: accepted evidence today closes it in time.
        await app.CertifyAsync("OCPP", "2.1", ProtocolUpdateKind.Major, today.AddDays(-100));
        // OCPP 2.0.2, minor, certified 300 days ago: due about 117 days ago; a rejected certificate closes nothing.
        await app.CertifyAsync("OCPP", "2.0.2", ProtocolUpdateKind.Minor, today.AddDays(-300));
        // OCPI is required by nothing attached: no due date.
        await app.CertifyAsync("OCPI", "2.3", ProtocolUpdateKind.Minor, today.AddDays(-5));
        await app.GiveEvidenceAsync(id, "OCPP 2.1", accept: true);
        await app.GiveEvidenceAsync(id, "OCPP 2.0.2", accept: false);

        foreach (var person in new[] { DemoAccounts.Officer, DemoAccounts.Cpo })
        {
            await using var context = await BackOfficeContext.SignedInAsAsync(app, person);
            var section = context.Render<ContractProtocolUpdatesSection>(p => p.Add(x => x.ContractId, id));
            section.WaitForElement("[data-testid=protocol-updates]", AdminSteps.Wait);

            string Cell(string version, string cell) =>
                section.Find($"[data-testid=protocol-update-{version}]").ParentElement!.QuerySelector($"[data-testid={cell}]")!.TextContent;

            Assert.Equal(3, section.FindAll("[data-testid^=protocol-update-ocpp]").Count);
            Assert.Contains("Afgesloten", Cell("ocpp-2-1", "protocol-state"), StringComparison.Ordinal);
            Assert.Contains("op tijd afgesloten", Cell("ocpp-2-1", "protocol-state"), StringComparison.Ordinal);
            Assert.Contains("Certificaat OCPP 2.1", Cell("ocpp-2-1", "protocol-closed-by"), StringComparison.Ordinal);
            Assert.Contains(Components.Shared.Format.Date(today.AddDays(-100).AddMonths(18)), Cell("ocpp-2-1", "protocol-due"), StringComparison.Ordinal);

            Assert.Contains("Open", Cell("ocpp-2-2", "protocol-state"), StringComparison.Ordinal);
            var open = today.AddDays(-5).AddMonths(6);
            Assert.Contains($"nog {open.DayNumber - today.DayNumber} dagen", Cell("ocpp-2-2", "protocol-state"), StringComparison.Ordinal);
            Assert.Equal("–", Cell("ocpp-2-2", "protocol-closed-by").Trim());

            var overdue = today.AddDays(-300).AddMonths(6);
            Assert.Contains("Te laat", Cell("ocpp-2-0-2", "protocol-state"), StringComparison.Ordinal);
            Assert.Contains($"{today.DayNumber - overdue.DayNumber} dagen te laat", Cell("ocpp-2-0-2", "protocol-state"), StringComparison.Ordinal);
            Assert.Equal("–", Cell("ocpp-2-0-2", "protocol-closed-by").Trim());
            Assert.Empty(section.FindAll("[data-testid^=protocol-update-ocpi]"));
        }
    }

    [Fact]
    public async Task AContractWithoutTheUpdateRequirement_SaysNothingIsDue()
    {
        var (id, _) = await app.SignedContractAsync("PROTOCOL-LEEG");

        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Cpo);
        var section = context.Render<ContractProtocolUpdatesSection>(p => p.Add(x => x.ContractId, id));

        section.WaitForAssertion(() => Assert.StartsWith("Er is geen protocol-update verschuldigd", section.Find("[data-testid=no-protocol-updates]").TextContent.Trim(), StringComparison.Ordinal),
            AdminSteps.Wait);
    }
}
