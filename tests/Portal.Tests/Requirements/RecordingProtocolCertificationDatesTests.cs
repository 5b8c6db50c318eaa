using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Requirements;
using Portal.Integration.Requirements;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Requirements;

/// <summary>The register of certification dates in the real database, with due dates from the catalogue in force.</summary>
public sealed class RecordingProtocolCertificationDatesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private Task<T> RegisterAsync<T>(Func<ProtocolCertificationRegister, Task<T>> work) =>
        app.InScopeAsync(s => work(s.GetRequiredService<ProtocolCertificationRegister>()));

    private Task<ProtocolCertification> RecordAsync(string protocol, string version, ProtocolUpdateKind kind, DateOnly on, string source = "Certification body's announcement") =>
        RegisterAsync(r => r.RecordAsync(protocol, version, kind, on, source, "admin-id", "Beheerder Test"));

    [Fact]
    public async Task RecordedVersions_GetTheirDueDates_ACorrectionCounts_AndAWithdrawalLeavesHistory()
    {
        // The shipped catalogue's G-3: 18 months for a major, 6 for a minor update.
        var terms = await RegisterAsync(r => r.TermsAsync());
        Assert.Equal((18, 6, new RequirementKey("elaad-2025", "G-3")), (terms!.MajorMonths, terms.MinorMonths, terms.Source));

        // OCPP 2.1 on 31 August 2025, major: + 18 months = 28 February 2027 (no 31st; 2027 is no leap year).
        var ocpp = await RecordAsync("OCPP", "2.1", ProtocolUpdateKind.Major, new DateOnly(2025, 8, 31));
        // OCPI 2.3 on 31 August 2025 as a minor update: + 6 months = 28 February 2026.
        await RecordAsync("OCPI", "2.3", ProtocolUpdateKind.Minor, new DateOnly(2025, 8, 31));

        var due = await RegisterAsync(r => r.CurrentAsync());
        Assert.Equal(
            [("OCPI", "2.3", 6, new DateOnly(2026, 2, 28)), ("OCPP", "2.1", 18, new DateOnly(2027, 2, 28))],
            due.Select(d => (d.Certification.Protocol, d.Certification.Version, d.Months!.Value, d.DueOn!.Value)));

        // A correction is a newer record of the same version (in other letters): 15 September 2025 + 18 months = 15 March 2027.
        await RecordAsync("ocpp", "2.1", ProtocolUpdateKind.Major, new DateOnly(2025, 9, 15), "Corrected after the certification body's list");
        due = await RegisterAsync(r => r.CurrentAsync());
        Assert.Equal(new DateOnly(2027, 3, 15), due.Single(d => d.Certification.Protocol.Equals("OCPP", StringComparison.OrdinalIgnoreCase)).DueOn);
        Assert.Equal(2, due.Count);

        // The older OCPP record is not in force any more: it cannot be withdrawn; the newest can.
        Assert.False(await RegisterAsync(r => r.WithdrawAsync(ocpp.Id, "Recorded by mistake", "admin-id", "Beheerder Test")));
        var newest = due.Single(d => d.Certification.Protocol == "ocpp").Certification;
        Assert.True(await RegisterAsync(r => r.WithdrawAsync(newest.Id, "Recorded by mistake", "admin-id", "Beheerder Test")));

        Assert.Equal(["OCPI"], (await RegisterAsync(r => r.CurrentAsync())).Select(d => d.Certification.Protocol));
        var history = await RegisterAsync(r => r.HistoryAsync());
        Assert.Equal(4, history.Count);
        Assert.True(history[0].Withdrawn);
        Assert.Equal("Recorded by mistake", history[0].SourceNote);
    }

    [Fact]
    public async Task ADayInTheFuture_IsRefused_AndNotStored()
    {
        var tomorrow = DutchCalendar.Day(DateTime.UtcNow).AddDays(1);
        var before = (await RegisterAsync(r => r.HistoryAsync())).Count;

        var refused = await Assert.ThrowsAsync<DomainRuleViolated>(() => RecordAsync("ISO 15118", "-20:2022", ProtocolUpdateKind.Major, tomorrow));

        Assert.Equal(DomainRule.CertificationAvailableInFuture, refused.Rule);
        Assert.Equal(before, (await RegisterAsync(r => r.HistoryAsync())).Count);
    }
}
