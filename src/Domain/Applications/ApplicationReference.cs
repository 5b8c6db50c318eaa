using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Applications;

/// <summary>
/// The number a resident quotes on the phone: "LP-2026-" and six characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L), so it can be read out and typed without confusion.
/// Random rather than sequential, so it does not reveal how many applications there are.
/// </summary>
public static class ApplicationReference
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int RandomLength = 6;

    /// <summary>Makes a reference from six random bytes (the caller draws them, e.g. from a cryptographic generator).</summary>
    public static string Create(int year, ReadOnlySpan<byte> random)
    {
        if (random.Length < RandomLength)
            throw new DomainRuleViolated($"A reference needs {RandomLength} random bytes.");
        if (year is < 2000 or > 9999)
            throw new DomainRuleViolated("A reference year has four digits.");
        Span<char> code = stackalloc char[RandomLength];
        for (var i = 0; i < RandomLength; i++)
            code[i] = Alphabet[random[i] % Alphabet.Length];
        return string.Create(CultureInfo.InvariantCulture, $"LP-{year}-{code}");
    }

    /// <summary>Accepts what a person types ("lp 2026 abc234") and returns the stored form, or null.</summary>
    public static string? Normalise(string? input)
    {
        var compact = new string((input ?? "").Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        if (compact.Length != 2 + 4 + RandomLength || !compact.StartsWith("LP", StringComparison.Ordinal)
            || !compact[2..6].All(char.IsAsciiDigit) || !compact[6..].All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
            return null;
        return $"LP-{compact[2..6]}-{compact[6..]}";
    }
}
