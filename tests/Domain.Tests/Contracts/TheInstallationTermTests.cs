using Portal.Domain.Common;
using Portal.Domain.Contracts;
using static Portal.Domain.Tests.Contracts.ContractTestData;

namespace Portal.Domain.Tests.Contracts;

/// <summary>The contract's installation lead time: from the case's opening day to commissioning, in weeks.</summary>
public sealed class TheInstallationTermTests
{
    [Fact]
    public void TheDueDay_IsTheOpeningDayPlusTheWeeks_AndNoneWithoutATerm()
    {
        // 26 weeks = 182 days. 2 March to 2 September 2026 is 31 + 30 + 31 + 30 + 31 + 31 = 184 days, so 182 days is 31 August.
        Assert.Equal(new DateOnly(2026, 8, 31), new ContractTerms { MaxInstallationWeeks = 26 }.InstallationDueOn(new DateOnly(2026, 3, 2)));
        Assert.Null(new ContractTerms().InstallationDueOn(new DateOnly(2026, 3, 2)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    [InlineData(157)]
    public void ATermOfNoWeeksOrMoreThanThreeYears_IsRefused(int weeks)
    {
        var e = Assert.Throws<DomainRuleViolated>(() => new ContractTerms { MaxInstallationWeeks = weeks }.Checked());

        Assert.Equal(DomainRule.ContractTermOutOfRange, e.Rule);
        Assert.Equal(ContractTerm.InstallationTime, e.Arguments[0]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(156)]
    public void OneWeekToThreeYears_IsATerm(int weeks) =>
        Assert.Equal(weeks, new ContractTerms { MaxInstallationWeeks = weeks }.Checked().MaxInstallationWeeks);

    [Fact]
    public void ACase_TakesTheTermOfTheVersionInForceOnItsOpeningDay()
    {
        // Version 1 (1 April 2026 to 31 March 2034) sets 26 weeks; the amendment from 1 January 2028 sets 39.
        var contract = DraftContract();
        var first = contract.Versions[0];
        contract.ChangeTerms(first.Id, new ContractTerms { MaxInstallationWeeks = 26 }, Officer, Now);
        contract.Sign(first.Id, new DateOnly(2026, 3, 1), "J. Jansen", Officer, Now);
        var amendment = contract.DraftAmendment(new DateOnly(2028, 1, 1), Officer, Now);
        contract.ChangeTerms(amendment.Id, new ContractTerms { MaxInstallationWeeks = 39 }, Officer, Now);
        contract.Sign(amendment.Id, new DateOnly(2026, 3, 2), "J. Jansen", Officer, Now);

        // Opened 1 June 2027 under version 1: + 182 days = 30 November 2027.
        Assert.Equal(new DateOnly(2027, 11, 30), contract.InstallationDueOn(new DateOnly(2027, 6, 1)));
        // Opened 3 January 2028 under the amendment: + 273 days = 2 October 2028 (2028 is a leap year: 29 February counts).
        Assert.Equal(new DateOnly(2028, 10, 2), contract.InstallationDueOn(new DateOnly(2028, 1, 3)));
        // Opened 1 March 2026, before the contract started: the latest signed version (the amendment) gives 273 days: 29 November 2026.
        Assert.Equal(new DateOnly(2026, 11, 29), contract.InstallationDueOn(new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void AnUnsignedContract_SetsNoTerm()
    {
        var contract = DraftContract();
        contract.ChangeTerms(contract.Versions[0].Id, new ContractTerms { MaxInstallationWeeks = 26 }, Officer, Now);

        Assert.Null(contract.InstallationDueOn(new DateOnly(2026, 6, 1)));
    }
}
