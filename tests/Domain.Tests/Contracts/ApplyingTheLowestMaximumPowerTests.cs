using Portal.Domain.Contracts;

namespace Portal.Domain.Tests.Contracts;

public sealed class ApplyingTheLowestMaximumPowerTests
{
    [Fact]
    public void TheLowestLimit_AppliesWithItsSource()
    {
        // Contract 22 kW, grid connection 17.3 kW (3 × 25 A × 230 V), POR-5 13.8 kW, the charge point 22 kW: 13.8 from the requirement.
        var applied = MaximumPower.Of([
            new PowerLimit(PowerLimitSource.Contract, 22m),
            new PowerLimit(PowerLimitSource.GridConnection, 17.3m),
            new PowerLimit(PowerLimitSource.Requirement, 13.8m),
            new PowerLimit(PowerLimitSource.ChargePoint, 22m),
        ]);

        Assert.NotNull(applied);
        Assert.Equal(13.8m, applied.Kw);
        Assert.Equal([PowerLimitSource.Requirement], applied.Sources);
    }

    [Fact]
    public void SourcesSettingTheSameLowest_AreAllNamed()
    {
        var applied = MaximumPower.Of([
            new PowerLimit(PowerLimitSource.ChargePoint, 22m),
            new PowerLimit(PowerLimitSource.GridConnection, 11m),
            new PowerLimit(PowerLimitSource.Contract, 11m),
        ]);

        Assert.Equal(11m, applied!.Kw);
        Assert.Equal([PowerLimitSource.Contract, PowerLimitSource.GridConnection], applied.Sources);
    }

    [Fact]
    public void NoSource_MeansNoMaximum_AndZeroIsNoMaximumAtAll()
    {
        Assert.Null(MaximumPower.Of([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaximumPower.Of([new PowerLimit(PowerLimitSource.Contract, 0m)]));
    }
}
