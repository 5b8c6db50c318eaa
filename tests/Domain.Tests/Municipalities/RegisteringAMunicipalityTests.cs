using Portal.Domain.Common;
using Portal.Domain.Municipalities;

namespace Portal.Domain.Tests.Municipalities;

public sealed class RegisteringAMunicipalityTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ValidNameAndCode_AreKeptTrimmed()
    {
        var municipality = Municipality.Register(MunicipalityCode.Parse("GM0202"), "  Arnhem ", Now);

        Assert.Equal("Arnhem", municipality.Name);
        Assert.Equal("GM0202", municipality.Code.Value);
        Assert.Equal(Now, municipality.RegisteredAtUtc);
        Assert.NotEqual(Guid.Empty, municipality.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyName_IsRejected(string name) =>
        Assert.Throws<DomainRuleViolated>(() => Municipality.Register(MunicipalityCode.Parse("GM0202"), name, Now));

    [Fact]
    public void NameOfExactlyTheMaximumLength_IsAccepted_OneMoreIsRejected()
    {
        Municipality.Register(MunicipalityCode.Parse("GM0202"), new string('a', Municipality.MaxNameLength), Now);

        Assert.Throws<DomainRuleViolated>(() => Municipality.Register(MunicipalityCode.Parse("GM0202"), new string('a', Municipality.MaxNameLength + 1), Now));
    }
}
