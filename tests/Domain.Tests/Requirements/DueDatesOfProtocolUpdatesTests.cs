using Portal.Domain.Requirements;
using static Portal.Domain.Tests.Requirements.CatalogueBuilder;

namespace Portal.Domain.Tests.Requirements;

public sealed class DueDatesOfProtocolUpdatesTests
{
    private static readonly ProtocolUpdateDeadline G3 = new(MajorMonths: 18, MinorMonths: 6);

    [Theory]
    // 15 January 2025 + 18 months: July 2026, day 15.
    [InlineData("2025-01-15", ProtocolUpdateKind.Major, "2026-07-15")]
    // 15 January 2025 + 6 months: July 2025, day 15.
    [InlineData("2025-01-15", ProtocolUpdateKind.Minor, "2025-07-15")]
    // 31 August 2025 + 6 months: February 2026 has no 31st (2026 is no leap year), so its last day, the 28th.
    [InlineData("2025-08-31", ProtocolUpdateKind.Minor, "2026-02-28")]
    // 31 August 2027 + 6 months: February 2028, a leap year, ends on the 29th.
    [InlineData("2027-08-31", ProtocolUpdateKind.Minor, "2028-02-29")]
    // 31 March 2025 + 18 months: September 2026, which has 30 days.
    [InlineData("2025-03-31", ProtocolUpdateKind.Major, "2026-09-30")]
    // 29 February 2024 + 18 months: August 2025, day 29 exists.
    [InlineData("2024-02-29", ProtocolUpdateKind.Major, "2025-08-29")]
    // 28 February 2025 + 6 months: 28 August 2025, the same day number; the end of a short month does not become the end of a long one.
    [InlineData("2025-02-28", ProtocolUpdateKind.Minor, "2025-08-28")]
    // 30 November 2025 + 18 months: May 2027, day 30 (not the 31st).
    [InlineData("2025-11-30", ProtocolUpdateKind.Major, "2027-05-30")]
    // 31 December 2025 + 6 months: June 2026 has 30 days.
    [InlineData("2025-12-31", ProtocolUpdateKind.Minor, "2026-06-30")]
    public void TheDueDate_IsTheAvailabilityDatePlusTheMonths_ClampedToTheMonthsLastDay(string available, ProtocolUpdateKind kind, string due)
    {
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            G3.DueOn(DateOnly.Parse(available, System.Globalization.CultureInfo.InvariantCulture), kind));
    }

    [Fact]
    public void TheTerms_AreReadFromTheCatalogueMetrics()
    {
        var catalogue = Catalogue(Set("a",
            Requirement("a", "A-1", thresholds: [Threshold("availability", ("min_percent", 95m))]),
            Requirement("a", "A-2", thresholds:
            [
                Threshold("major_version_update", ("max_months", 24m), ("from", "certification")),
                Threshold("minor_version_update", ("max_months", 9m)),
            ])));

        var terms = ProtocolUpdateDeadline.From(catalogue);

        Assert.NotNull(terms);
        Assert.Equal((24, 9), (terms.MajorMonths, terms.MinorMonths));
        Assert.Equal(new RequirementKey("a", "A-2"), terms.Source);
        // 1 March 2026 + 24 months = 1 March 2028; + 9 months = 1 December 2026.
        Assert.Equal(new DateOnly(2028, 3, 1), terms.DueOn(new DateOnly(2026, 3, 1), ProtocolUpdateKind.Major));
        Assert.Equal(new DateOnly(2026, 12, 1), terms.DueOn(new DateOnly(2026, 3, 1), ProtocolUpdateKind.Minor));
    }

    [Fact]
    public void ACatalogueWithoutBothMetricsOrWithoutWholeMonths_GivesNoTerms()
    {
        var onlyMajor = Catalogue(Set("a", Requirement("a", "A-1", thresholds: [Threshold("major_version_update", ("max_months", 18m))])));
        var halfMonths = Catalogue(Set("a", Requirement("a", "A-1", thresholds:
            [Threshold("major_version_update", ("max_months", 18m)), Threshold("minor_version_update", ("max_months", 6.5m))])));
        var inYears = Catalogue(Set("a", Requirement("a", "A-1", thresholds:
            [Threshold("major_version_update", ("max_years", 2m)), Threshold("minor_version_update", ("max_months", 6m))])));

        Assert.Null(ProtocolUpdateDeadline.From(onlyMajor));
        Assert.Null(ProtocolUpdateDeadline.From(halfMonths));
        Assert.Null(ProtocolUpdateDeadline.From(inYears));
    }
}
