using System.Globalization;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Portal.Features.Faults;

/// <summary>Why the spam guard refused a fault form.</summary>
internal enum FaultGuardRefusal
{
    None,
    Honeypot,
    TooFast,
    TooMany,
}

/// <summary>
/// The public fault form's spam guard, with no script and no account: a field people do not see (a robot fills it), a
/// stamp of when the form was shown, signed with Data Protection (keys in the database, so every node reads it) and
/// checked to be at least <see cref="FaultOptions.MinimumSecondsToFillIn"/> old, and a limit of reports per network
/// address per hour (in memory, per node).
/// </summary>
internal sealed class FaultFormGuard : IDisposable
{
    private readonly IDataProtector _protector;
    private readonly TimeProvider _clock;
    private readonly FaultOptions _options;
    private readonly PartitionedRateLimiter<string> _perAddress;

    public FaultFormGuard(IDataProtectionProvider protection, TimeProvider clock, IOptions<FaultOptions> options)
    {
        _protector = protection.CreateProtector("Portal.Faults.FormStamp");
        _clock = clock;
        _options = options.Value;
        _perAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, _options.ReportsPerAddressPerHour),
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>The signed moment the form is shown now.</summary>
    public string Stamp() => _protector.Protect(_clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>Whether a posted form passes; the address limit is only spent on a form that passed the other checks.</summary>
    public FaultGuardRefusal Check(string? honeypot, string? stamp, string? address)
    {
        if (!string.IsNullOrEmpty(honeypot))
            return FaultGuardRefusal.Honeypot;
        if (!ShownLongEnoughAgo(stamp))
            return FaultGuardRefusal.TooFast;
        using var lease = _perAddress.AttemptAcquire(address ?? "unknown");
        return lease.IsAcquired ? FaultGuardRefusal.None : FaultGuardRefusal.TooMany;
    }

    private bool ShownLongEnoughAgo(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
            return false;
        try
        {
            var shown = new DateTime(long.Parse(_protector.Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            return _clock.GetUtcNow().UtcDateTime - shown >= TimeSpan.FromSeconds(_options.MinimumSecondsToFillIn);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public void Dispose() => _perAddress.Dispose();
}
