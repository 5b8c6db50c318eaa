using Portal.Domain.Audits;
using Portal.Domain.Audits.Uptime;
using static Portal.Domain.Tests.Audits.Uptime.UptimeScenario;

namespace Portal.Domain.Tests.Audits.Uptime;

public sealed class FingerprintingUptimeInputTests
{
    private static EvseUptimeInput Sample() => Input(Ev("OUTOFORDER", Apr(10, 10)), Ev("AVAILABLE", Apr(10, 11))) with
    {
        Exclusions =
        [
            Claim("E4-1", ExclusionCategory.AuthorityOrderedWorks, Apr(10, 10), Apr(10, 11)),
            Claim("E3-1", ExclusionCategory.ForceMajeure, Apr(12, 10), Apr(12, 11)),
        ],
    };

    [Fact]
    public void SameInputInAnotherOrder_HasTheSameFingerprintAndFigures()
    {
        var input = Sample();
        var reordered = input with
        {
            Events = [.. input.Events.Reverse()],
            FeedConfirmations = [.. input.FeedConfirmations.Reverse()],
            Exclusions = [.. input.Exclusions.Reverse()],
        };

        var first = Compute(input);
        var again = Compute(reordered);

        Assert.Equal(first.Fingerprint, again.Fingerprint);
        Assert.Equal(64, first.Fingerprint.Length);                     // SHA-256 in hex
        Assert.Equal(first.Seconds, again.Seconds);
        Assert.Equal(first.Availability, again.Availability);
    }

    [Fact]
    public void OneEventChangedByOneSecond_ChangesTheFingerprint()
    {
        var input = Sample();
        var changed = input with { Events = [.. input.Events.Select(e => e.Status == "OUTOFORDER" ? e with { ReceivedAt = e.ReceivedAt.AddSeconds(1) } : e)] };

        Assert.NotEqual(UptimeFingerprint.Of(input), UptimeFingerprint.Of(changed));
    }

    [Fact]
    public void OtherThreshold_ChangesTheFingerprint()
    {
        var input = Sample();

        Assert.NotEqual(UptimeFingerprint.Of(input), UptimeFingerprint.Of(input with { Terms = input.Terms with { AvailabilityPercentPerYear = 97m } }));
    }

    [Fact]
    public void AThresholdWithTrailingZeros_AsADatabaseReturnsIt_HasTheSameFingerprint()
    {
        var input = Sample() with { Terms = Sample().Terms with { AvailabilityPercentPerYear = 95m, ConnectivityPercentPerMonth = 98.5m } };
        var fromStorage = input with { Terms = input.Terms with { AvailabilityPercentPerYear = 95.00m, ConnectivityPercentPerMonth = 98.50m } };

        Assert.Equal(UptimeFingerprint.Of(input), UptimeFingerprint.Of(fromStorage));
        Assert.NotEqual(UptimeFingerprint.Of(input), UptimeFingerprint.Of(input with { Terms = input.Terms with { AvailabilityPercentPerYear = 95.01m } }));
    }

    [Fact]
    public void CombinedFingerprint_IgnoresOrderButNotContent()
    {
        var a = (Evse, "aa");
        var b = (Evse with { EvseUid = "EVSE2" }, "bb");

        Assert.Equal(UptimeFingerprint.Combine([a, b]), UptimeFingerprint.Combine([b, a]));
        Assert.NotEqual(UptimeFingerprint.Combine([a, b]), UptimeFingerprint.Combine([a, b with { Item2 = "bc" }]));
    }

    [Fact]
    public void MissingValueAndTextThatLooksLikeIt_AreToldApart()
    {
        var input = Sample();
        var noReference = input with { Exclusions = [Claim("E2-1", ExclusionCategory.ThirdPartyDamage, Apr(10, 10), Apr(10, 11))] };
        var dashReference = input with { Exclusions = [noReference.Exclusions[0] with { IncidentReference = "-" }] };
        var pipeInId = input with { Exclusions = [Claim("E2|1", ExclusionCategory.ThirdPartyDamage, Apr(10, 10), Apr(10, 11))] };

        Assert.NotEqual(UptimeFingerprint.Of(noReference), UptimeFingerprint.Of(dashReference));
        Assert.NotEqual(UptimeFingerprint.Of(noReference), UptimeFingerprint.Of(pipeInId));
    }

    [Fact]
    public void OnePullMissing_ChangesTheFingerprint()
    {
        var input = Sample();

        Assert.NotEqual(UptimeFingerprint.Of(input), UptimeFingerprint.Of(input.WithoutPulls(Apr(10, 10), Apr(10, 10, 5))));
    }
}
