using Portal.Domain.Common;

namespace Portal.Domain.Tests.Common;

public sealed class NumberingReferencesPerYearTests
{
    [Fact]
    public void TheFirstOfAYear_IsNumberOne() => Assert.Equal("VB-2026-0001", YearlyReference.Next(YearlyReference.Prefix("VB", 2026), []));

    [Fact]
    public void TheNext_GoesOnFromTheHighest_AndAGapStaysAGap()
    {
        // 0001 and 0007 given (0002-0006 withdrawn or never saved): the next is 0008, not 0002.
        Assert.Equal("BZ-2026-0008", YearlyReference.Next("BZ-2026-", ["BZ-2026-0001", "BZ-2026-0007"]));
    }

    [Fact]
    public void OtherYearsAndCodes_AndWhatIsNotANumber_DoNotCount()
    {
        Assert.Equal("IN-2027-0001", YearlyReference.Next("IN-2027-", ["IN-2026-0041", "VB-2027-0003", "IN-2027-abc"]));
    }

    [Fact]
    public void PastTenThousand_TheNumberGrowsAFifthDigit() => Assert.Equal("VB-2026-10000", YearlyReference.Next("VB-2026-", ["VB-2026-9999"]));
}
