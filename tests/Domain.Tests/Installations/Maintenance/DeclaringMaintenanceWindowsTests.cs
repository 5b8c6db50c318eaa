using Portal.Domain.Common;
using Portal.Domain.Installations.Maintenance;
using Portal.Domain.Terms;

namespace Portal.Domain.Tests.Installations.Maintenance;

public sealed class DeclaringMaintenanceWindowsTests
{
    // Monday 7 December 2026, 10:00 UTC (11:00 in Arnhem).
    private static readonly DateTime Now = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

    private static DeclaredMaintenanceWindow Declared(DateTime starts, int hours = 4) =>
        DeclaredMaintenanceWindow.Declare(Guid.NewGuid(), Guid.NewGuid(), " E1 ", starts, starts.AddHours(hours), "Meter vervangen", "u1", "Carla CPO", Now);

    [Fact]
    public void AWindow6WorkingDaysAhead_Qualifies_And3DaysAhead_DoesNot()
    {
        // Announced Monday 7 December. Six working days ahead: 8, 9, 10, 11, 14, 15 → Tuesday 15 December; its last day to
        // announce is 5 working days back (14, 11, 10, 9, 8) = 8 December, after the 7th: qualifies.
        var sixAhead = Declared(new DateTime(2026, 12, 15, 8, 0, 0, DateTimeKind.Utc));
        // Three calendar days ahead: Thursday 10 December; last day to announce is 3 December: too late.
        var threeAhead = Declared(new DateTime(2026, 12, 10, 8, 0, 0, DateTimeKind.Utc));

        Assert.True(sixAhead.Qualifies(TermsCalendar.Default));
        Assert.False(threeAhead.Qualifies(TermsCalendar.Default));
        Assert.Equal(("E1", Now, "Carla CPO"), (sixAhead.EvseUid, sixAhead.AnnouncedAtUtc, sixAhead.AnnouncedByName));
    }

    [Fact]
    public void ACancelledWindow_IsKeptWithWhoAndWhen_NoLongerQualifies_AndIsNotCancelledTwice()
    {
        var window = Declared(new DateTime(2026, 12, 15, 8, 0, 0, DateTimeKind.Utc));

        window.Cancel("u2", "Kees CPO", Now.AddHours(1));

        Assert.Equal((true, Now.AddHours(1), "Kees CPO"), (window.IsCancelled, window.CancelledAtUtc!.Value, window.CancelledByName));
        Assert.False(window.Qualifies(TermsCalendar.Default));
        Assert.Equal(DomainRule.MaintenanceWindowCancelled, Assert.Throws<DomainRuleViolated>(() => window.Cancel("u2", "Kees CPO", Now.AddHours(2))).Rule);
    }

    [Fact]
    public void AReversedWindow_IsRefused()
    {
        var starts = new DateTime(2026, 12, 15, 8, 0, 0, DateTimeKind.Utc);

        Assert.Equal(DomainRule.MaintenanceWindowReversed,
            Assert.Throws<DomainRuleViolated>(() => DeclaredMaintenanceWindow.Declare(Guid.NewGuid(), Guid.NewGuid(), "E1", starts, starts.AddHours(-1), "x", "u1", "C", Now)).Rule);
    }
}
