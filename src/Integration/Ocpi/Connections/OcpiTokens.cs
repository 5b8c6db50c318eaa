using System.Security.Cryptography;
using System.Text;

namespace Portal.Integration.Ocpi.Connections;

/// <summary>Credentials tokens: generated, hashed, and read from an Authorization header.</summary>
public static class OcpiTokens
{
    /// <summary>43 URL-safe characters from 32 random bytes: printable ASCII without whitespace, within string(64).</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// The candidate tokens in "Token &lt;encoded&gt;": the Base64-decoded text (the 2.2.1 rule) and the
    /// text as sent (what many 2.1.1/2.2 peers do). Empty when the header is missing or not a Token header.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string? authorization)
    {
        const string scheme = "Token ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return [];
        var encoded = authorization[scheme.Length..].Trim();
        if (encoded.Length == 0)
            return [];
        var candidates = new List<string>(2) { encoded };
        var buffer = new byte[encoded.Length];
        if (Convert.TryFromBase64String(encoded, buffer, out var written))
        {
            try
            {
                var decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
                if (decoded.Length > 0 && decoded.All(c => c is >= '!' and <= '~'))
                    candidates.Insert(0, decoded);
            }
            catch (DecoderFallbackException)
            {
                // Not UTF-8 text: the header carries a raw token that happens to be valid Base64.
            }
        }
        return candidates;
    }
}
