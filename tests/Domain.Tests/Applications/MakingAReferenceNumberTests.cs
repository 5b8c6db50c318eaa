using Portal.Domain.Applications;
using Portal.Domain.Common;

namespace Portal.Domain.Tests.Applications;

public sealed class MakingAReferenceNumberTests
{
    [Fact]
    public void Bytes_PickFromTheAlphabetByRemainder()
    {
        // The alphabet has 31 characters: 0 → '2', 30 → 'Z', 31 → '2' again, 40 → 9th = 'B', 255 % 31 = 7 → '9'.
        var reference = ApplicationReference.Create(2026, [0, 30, 31, 40, 255, 8]);

        Assert.Equal("LP-2026-2Z2B9A", reference);
    }

    [Fact]
    public void TooFewBytes_AreRefused() =>
        Assert.Throws<DomainRuleViolated>(() => ApplicationReference.Create(2026, [1, 2, 3]));

    [Theory]
    [InlineData("LP-2026-2Z2B9A", "LP-2026-2Z2B9A")]
    [InlineData("lp 2026 2z2b9a", "LP-2026-2Z2B9A")]
    [InlineData("LP20262Z2B9A", "LP-2026-2Z2B9A")]
    [InlineData("LP-2026-2Z2B9", null)]
    [InlineData("LP-2026-0Z2B9A", null)]   // 0 is not in the alphabet
    [InlineData("XX-2026-2Z2B9A", null)]
    [InlineData("", null)]
    public void TypedReference_IsNormalised(string typed, string? expected) =>
        Assert.Equal(expected, ApplicationReference.Normalise(typed));
}
