using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Municipalities;

namespace Portal.Domain.Tests.Common;

/// <summary>A broken rule names itself and the values its message shows, so a page can say it in Dutch.</summary>
public sealed class NamingTheBrokenRuleTests
{
    private static readonly DateTime Submitted = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void SecondExtension_NamesTheRuleAndTheMomentOfTheFirst()
    {
        var firstExtension = new DateTime(2026, 3, 20, 10, 0, 0, DateTimeKind.Utc);
        var extended = DecisionDeadline.For(Submitted, DecisionDeadlineSettings.Default).Extend(firstExtension);

        var e = Assert.Throws<DomainRuleViolated>(() => extended.Extend(firstExtension.AddDays(3)));

        Assert.Equal(DomainRule.DeadlineAlreadyExtended, e.Rule);
        Assert.Equal([firstExtension], e.Arguments);
        Assert.Equal("The decision deadline was already extended on 2026-03-20; it can be extended only once.", e.Message);
    }

    [Fact]
    public void ExtensionAfterTheTerm_NamesTheLastDay()
    {
        // Submitted Monday 2 March 2026, default term of 8 weeks: the last day is Monday 27 April.
        var deadline = DecisionDeadline.For(Submitted, DecisionDeadlineSettings.Default);

        var e = Assert.Throws<DomainRuleViolated>(() => deadline.Extend(new DateTime(2026, 4, 28, 12, 0, 0, DateTimeKind.Utc)));

        Assert.Equal(DomainRule.DeadlinePassed, e.Rule);
        Assert.Equal([new DateTime(2026, 4, 27, 0, 0, 0, DateTimeKind.Utc)], e.Arguments);
    }

    [Theory]
    [InlineData(" 12-ABC ", DomainRule.LicencePlateInvalid, "12-ABC")]
    [InlineData("12-34-56", DomainRule.LicencePlateNotIssued, "12-34-56")]
    public void WrongLicencePlate_NamesTheRuleAndWhatWasTyped(string typed, DomainRule rule, string shown)
    {
        var e = Assert.Throws<DomainRuleViolated>(() => DutchLicencePlate.Parse(typed));

        Assert.Equal(rule, e.Rule);
        Assert.Equal([shown], e.Arguments);
    }

    [Fact]
    public void WrongPostcode_NamesTheRuleAndTheTrimmedPostcode()
    {
        var e = Assert.Throws<DomainRuleViolated>(() => ApplicationAddress.Create(" 681 AB ", "12"));

        Assert.Equal(DomainRule.PostcodeInvalid, e.Rule);
        Assert.Equal(["681 AB"], e.Arguments);
    }

    [Fact]
    public void StatusChangeThatIsNotAllowed_NamesBothStatuses()
    {
        var e = Assert.Throws<DomainRuleViolated>(() => ApplicationChange.Moved(
            Guid.NewGuid(), new ApplicationActor("officer-1", "Officer"), Submitted, ApplicationStatus.Draft, ApplicationStatus.Approved, "Goed"));

        Assert.Equal(DomainRule.StatusChangeNotAllowed, e.Rule);
        Assert.Equal([ApplicationStatus.Draft, ApplicationStatus.Approved], e.Arguments);
    }

    [Fact]
    public void SwappedCoordinates_NameThePointAndTheArea()
    {
        var e = Assert.Throws<DomainRuleViolated>(() => Coordinate.FromWgs84(5.91, 51.98));

        Assert.Equal(DomainRule.PointOutsideArea, e.Rule);
        Assert.Equal([5.91, 51.98, "the Netherlands"], e.Arguments);
    }

    [Fact]
    public void WrongMunicipalityCode_NamesWhatWasTyped()
    {
        var e = Assert.Throws<DomainRuleViolated>(() => MunicipalityCode.Parse("GM02"));

        Assert.Equal(DomainRule.MunicipalityCodeInvalid, e.Rule);
        Assert.Equal(["GM02"], e.Arguments);
    }

    [Fact]
    public void AGuardNobodyMeetsOnAPage_HasNoRuleAndNoArguments()
    {
        var e = Assert.Throws<DomainRuleViolated>(() => DecisionDeadline.For(DateTime.SpecifyKind(Submitted, DateTimeKind.Local), DecisionDeadlineSettings.Default));

        Assert.Null(e.Rule);
        Assert.Empty(e.Arguments);
        Assert.Equal("Deadline dates are kept in UTC.", e.Message);
    }
}
