using Portal.Domain.Common;
using Portal.Domain.Requirements;

namespace Portal.Domain.Tests.Requirements;

public sealed class RecordingProtocolCertificationTests
{
    // 10:00 UTC on 1 March 2026 is 11:00 in the Netherlands, the same day.
    private static readonly DateTime Now = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    private static ProtocolCertification Record(string protocol = "OCPP", string version = "2.1", DateOnly? on = null, string source = "OCA announcement", DateTime? now = null) =>
        ProtocolCertification.Record(protocol, version, ProtocolUpdateKind.Major, on ?? new DateOnly(2026, 2, 1), source, "user-1", "Beheerder", now ?? Now);

    [Fact]
    public void ARecord_KeepsWhatWasTyped_Trimmed()
    {
        var record = Record(protocol: " OCPP ", version: " 2.1 ", source: "  OCA announcement ");

        Assert.Equal(("OCPP", "2.1", ProtocolUpdateKind.Major, new DateOnly(2026, 2, 1), "OCA announcement"),
            (record.Protocol, record.Version, record.Kind, record.AvailableOn, record.SourceNote));
        Assert.Equal((Now, "user-1", "Beheerder", false), (record.RecordedAtUtc, record.RecordedByUserId, record.RecordedByName, record.Withdrawn));
    }

    [Theory]
    [InlineData("", "2.1", "source", DomainRule.ProtocolMissing)]
    [InlineData("OCPP", " ", "source", DomainRule.ProtocolVersionMissing)]
    [InlineData("OCPP", "2.1", "", DomainRule.CertificationSourceMissing)]
    public void AMissingField_IsRefused(string protocol, string version, string source, DomainRule rule)
    {
        Assert.Equal(rule, Assert.Throws<DomainRuleViolated>(() => Record(protocol, version, source: source)).Rule);
    }

    [Fact]
    public void TooLongFields_AreRefused_WithTheMaximum()
    {
        var protocol = Assert.Throws<DomainRuleViolated>(() => Record(protocol: new string('P', 41)));
        var version = Assert.Throws<DomainRuleViolated>(() => Record(version: new string('1', 41)));
        var source = Assert.Throws<DomainRuleViolated>(() => Record(source: new string('s', 501)));

        Assert.Equal((DomainRule.ProtocolTooLong, 40), (protocol.Rule, (int)protocol.Arguments[0]));
        Assert.Equal((DomainRule.ProtocolVersionTooLong, 40), (version.Rule, (int)version.Arguments[0]));
        Assert.Equal((DomainRule.CertificationSourceTooLong, 500), (source.Rule, (int)source.Arguments[0]));
        Assert.Equal(40, Record(protocol: new string('P', 40)).Protocol.Length);
    }

    [Fact]
    public void TodayIsAllowed_TomorrowIsNot_CountedInDutchDays()
    {
        // 23:30 UTC on 28 February 2026 is 00:30 on 1 March in the Netherlands (CET, UTC+1): 1 March is today there.
        var lateEvening = new DateTime(2026, 2, 28, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateOnly(2026, 3, 1), Record(on: new DateOnly(2026, 3, 1), now: lateEvening).AvailableOn);
        var future = Assert.Throws<DomainRuleViolated>(() => Record(on: new DateOnly(2026, 3, 2), now: lateEvening));
        Assert.Equal(DomainRule.CertificationAvailableInFuture, future.Rule);
        Assert.Equal(new DateOnly(2026, 3, 2), future.Arguments[0]);
    }

    [Fact]
    public void AWithdrawal_IsANewRecordOfTheSameVersion_AndOnlyOnce()
    {
        var record = Record();

        var withdrawal = record.Withdraw("Recorded by mistake", "user-2", "Andere beheerder", Now.AddHours(1));

        Assert.NotEqual(record.Id, withdrawal.Id);
        Assert.True(withdrawal.Withdrawn);
        Assert.False(record.Withdrawn);
        Assert.Equal(("OCPP", "2.1", new DateOnly(2026, 2, 1), "Recorded by mistake", "Andere beheerder"),
            (withdrawal.Protocol, withdrawal.Version, withdrawal.AvailableOn, withdrawal.SourceNote, withdrawal.RecordedByName));
        Assert.Equal(DomainRule.CertificationAlreadyWithdrawn,
            Assert.Throws<DomainRuleViolated>(() => withdrawal.Withdraw("again", "user-2", "Andere beheerder", Now.AddHours(2))).Rule);
    }

    [Fact]
    public void TheSameVersion_IsRecognisedWhateverTheCase()
    {
        Assert.True(Record().SameVersionAs("ocpp", " 2.1"));
        Assert.False(Record().SameVersionAs("OCPP", "2.0.1"));
    }
}
