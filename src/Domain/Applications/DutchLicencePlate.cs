using Portal.Domain.Common;

namespace Portal.Domain.Applications;

/// <summary>
/// A Dutch licence plate (kenteken), normalised to capitals with dashes where the RDW's sidecode
/// puts them. The fourteen sidecodes (L = letter, 9 = digit) are those of the Regeling kentekens
/// en kentekenplaten; 11-14 were added in Staatscourant 2014, 9002 (summarised at
/// https://www.raivereniging.nl/nieuws/nieuwsberichten/2014-q2/0403-nieuwe-sidecodes-en-wijzigingen-regeling-kentekens.html,
/// full table at https://kentekenkennis.nl/sidecode). Without dashes every sidecode has its own
/// letter/digit pattern, so a plate typed without (or with misplaced) dashes is still recognised.
/// Which letters the RDW issues per series is not checked: that changes over time and the RDW
/// register is the authority.
/// </summary>
public sealed record DutchLicencePlate
{
    private static readonly string[] Sidecodes =
    [
        "LL-99-99", "99-99-LL", "99-LL-99", "LL-99-LL", "LL-LL-99", "99-LL-LL", "99-LLL-9",
        "9-LLL-99", "LL-999-L", "L-999-LL", "LLL-99-L", "L-99-LLL", "9-LL-999", "999-LL-9",
    ];

    private DutchLicencePlate(string value, int sidecode)
    {
        Value = value;
        Sidecode = sidecode;
    }

    /// <summary>With dashes, e.g. <c>12-ABC-3</c>.</summary>
    public string Value { get; }

    /// <summary>The RDW sidecode (1-14).</summary>
    public int Sidecode { get; }

    /// <summary>Without dashes, for comparing and looking up.</summary>
    public string Compact => Value.Replace("-", "", StringComparison.Ordinal);

    public static DutchLicencePlate Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            throw new DomainRuleViolated(DomainRule.LicencePlateMissing, "Enter the licence plate, e.g. 12-ABC-3.");
        var compact = new string(input.Where(c => c is not ('-' or ' ' or '.')).ToArray()).ToUpperInvariant();
        if (compact.Length != 6 || !compact.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            throw new DomainRuleViolated(DomainRule.LicencePlateInvalid, $"\"{input.Trim()}\" is not a Dutch licence plate: it has six letters and digits, e.g. 12-ABC-3.", input.Trim());
        var shape = new string(compact.Select(c => char.IsAsciiDigit(c) ? '9' : 'L').ToArray());
        for (var i = 0; i < Sidecodes.Length; i++)
        {
            if (Sidecodes[i].Replace("-", "", StringComparison.Ordinal) != shape)
                continue;
            var formatted = new char[Sidecodes[i].Length];
            var next = 0;
            for (var j = 0; j < formatted.Length; j++)
                formatted[j] = Sidecodes[i][j] == '-' ? '-' : compact[next++];
            return new DutchLicencePlate(new string(formatted), i + 1);
        }
        throw new DomainRuleViolated(DomainRule.LicencePlateNotIssued, $"\"{input.Trim()}\" is not a Dutch licence plate: its letters and digits are not grouped the way the RDW issues them (e.g. 12-ABC-3 or AB-123-C).", input.Trim());
    }

    public static bool TryParse(string? input, out DutchLicencePlate? plate)
    {
        try
        {
            plate = Parse(input);
            return true;
        }
        catch (DomainRuleViolated)
        {
            plate = null;
            return false;
        }
    }

    public override string ToString() => Value;
}
