using System.Text;

namespace Portal.Features.Demo.SimulatedCpo;

/// <summary>
/// How each simulated EVSE behaves towards charging profiles, fixed per EVSE (a hash of its location and uid, not the
/// simulation's random numbers), so a demo shows the same chargers failing the smart-charging test every time: a share
/// that does not declare CHARGING_PROFILE_CAPABLE (and answers NOT_SUPPORTED), a share that accepts a limit but keeps
/// charging at its own power, and a result delay between a quarter of and the full <see cref="SimulatedCpoOptions.ResultDelayMilliseconds"/>.
/// </summary>
internal static class SimulatedSmartCharging
{
    public static bool IsCapable(string locationId, string evseUid, double notCapableShare) => Fraction(locationId, evseUid, "capable") >= notCapableShare;

    public static bool IgnoresLimits(string locationId, string evseUid, double ignoringShare) => Fraction(locationId, evseUid, "ignores") < ignoringShare;

    public static int ResultDelayMilliseconds(string locationId, string evseUid, int max) =>
        max <= 0 ? 0 : (int)Math.Round(max * (0.25 + (0.75 * Fraction(locationId, evseUid, "delay"))));

    /// <summary>A number in [0, 1) from FNV-1a (64 bits) of "salt:LOCATION/UID".</summary>
    private static double Fraction(string locationId, string evseUid, string salt)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes($"{salt}:{locationId}/{evseUid}".ToUpperInvariant()))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return (hash >> 11) / (double)(1UL << 53);
    }
}
