using Portal.Domain.Common;

namespace Portal.Domain.Applications;

/// <summary>
/// The address an application is for, normalised so that the same home written two ways
/// ("1234 ab", "1 a" and "1234AB", "1", "A") compares equal: postcode without space in capitals,
/// house number, and addition (huisletter plus toevoeging) in capitals without separators.
/// </summary>
public sealed record ApplicationAddress
{
    public const int MaxAdditionLength = 6;

    private ApplicationAddress(string postcode, int houseNumber, string? addition)
    {
        Postcode = postcode;
        HouseNumber = houseNumber;
        Addition = addition;
    }

    /// <summary>Four digits and two capitals, e.g. <c>6811AB</c>.</summary>
    public string Postcode { get; }

    public int HouseNumber { get; }

    public string? Addition { get; }

    /// <summary>The house number may carry the addition as typed, e.g. "1 a" or "12-bis".</summary>
    public static ApplicationAddress Create(string? postcode, string? houseNumber, string? addition = null)
    {
        var code = Compact(postcode);
        if (code.Length != 6 || code[0] is < '1' or > '9' || !code[..4].All(char.IsAsciiDigit) || !code[4..].All(char.IsAsciiLetterUpper)
            || code[4..] is "SA" or "SD" or "SS")
            throw new DomainRuleViolated(DomainRule.PostcodeInvalid, $"\"{postcode?.Trim()}\" is not a Dutch postcode; write it as four digits and two letters, e.g. 6811 AB.", postcode?.Trim() ?? "");

        var number = (houseNumber ?? "").Trim();
        var digits = new string(number.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length is 0 or > 5 || digits[0] == '0')
            throw new DomainRuleViolated(DomainRule.HouseNumberInvalid, $"\"{number}\" is not a house number; it starts with a number from 1 to 99999.", number);

        var rest = Compact(number[digits.Length..] + addition);
        if (rest.Length > MaxAdditionLength || !rest.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
            throw new DomainRuleViolated(DomainRule.HouseNumberAdditionInvalid, $"The house number addition has at most {MaxAdditionLength} letters and digits.", MaxAdditionLength);

        return new ApplicationAddress(code, int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), rest.Length == 0 ? null : rest);
    }

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Postcode[..4]} {Postcode[4..]} {HouseNumber}{Addition}");

    private static string Compact(string? value) =>
        new string((value ?? "").Where(c => c is not (' ' or '-' or '/' or '.')).ToArray()).ToUpperInvariant();
}
