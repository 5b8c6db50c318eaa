using Portal.Domain.Contracts.ProtocolUpdates;
using Portal.Domain.Requirements;

namespace Portal.Domain.Tests.Contracts.ProtocolUpdates;

public sealed class RemindingOfProtocolUpdatesTests
{
    private static readonly DateOnly Due = new(2027, 12, 15);

    private static ContractProtocolUpdate Update(ProtocolUpdateState state) =>
        new(new RequirementKey("elaad-2025", "G-3"), Guid.NewGuid(), "OCPP", "2.1", ProtocolUpdateKind.Major, new DateOnly(2026, 6, 15), new DateOnly(2026, 6, 15), 18, Due, state);

    [Theory]
    // Due 15 December 2027: 61 days before is 15 October (nothing), 60 before is 16 October, 31 before 14 November,
    // 30 before 15 November, the due day itself still the 30-day window, the day after the finding.
    [InlineData("2027-10-15", null)]
    [InlineData("2027-10-16", ProtocolUpdateStep.SixtyDayReminder)]
    [InlineData("2027-11-14", ProtocolUpdateStep.SixtyDayReminder)]
    [InlineData("2027-11-15", ProtocolUpdateStep.ThirtyDayReminder)]
    [InlineData("2027-12-15", ProtocolUpdateStep.ThirtyDayReminder)]
    [InlineData("2027-12-16", ProtocolUpdateStep.OverdueFinding)]
    [InlineData("2028-06-01", ProtocolUpdateStep.OverdueFinding)]
    public void AnOpenUpdate_CallsForTheStepOfItsWindow(string today, ProtocolUpdateStep? expected) =>
        Assert.Equal(expected, ProtocolUpdateReminder.StepDue(Update(ProtocolUpdateState.Open), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(ProtocolUpdateState.Closed)]
    [InlineData(ProtocolUpdateState.ClosedLate)]
    public void AClosedUpdate_CallsForNothing(ProtocolUpdateState state)
    {
        Assert.Null(ProtocolUpdateReminder.StepDue(Update(state), new DateOnly(2027, 11, 20)));
        Assert.Null(ProtocolUpdateReminder.StepDue(Update(state), new DateOnly(2028, 1, 1)));
    }
}
