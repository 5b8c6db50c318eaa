using System.Text;

namespace Portal.Domain.Contracts.ProtocolUpdates;

/// <summary>
/// How a protocol and its version are recognised in the texts people type: a requirement's standard ("OCPP 2.0.1 (IEC
/// 63584:2024)") and a piece of evidence's standard ("ocpp 2.1"). Case and runs of white space do not matter.
/// </summary>
public static class ProtocolNames
{
    /// <summary>
    /// Whether <paramref name="standard"/> is about <paramref name="protocol"/>: it starts with the protocol's name and the
    /// name ends there ("OCPP 1.6" and "ISO 15118-2:2014" name OCPP and ISO 15118; "OCPPX" and "IEC 61851" do not name
    /// "OCPP" and "IEC 6185").
    /// </summary>
    public static bool NamesProtocol(string? standard, string protocol)
    {
        var text = Normal(standard);
        var name = Normal(protocol);
        return name.Length > 0 && text.StartsWith(name, StringComparison.Ordinal) && (text.Length == name.Length || !char.IsLetterOrDigit(text[name.Length]));
    }

    /// <summary>
    /// Whether <paramref name="standard"/> names exactly this version of the protocol: the protocol, then (after optional
    /// white space) the version, then the end or a character that cannot continue a version ("OCPP 2.1", "OCPP2.1" and
    /// "OCPP 2.1 (IEC 63584-2)" name OCPP 2.1; "OCPP 2.1.1", "OCPP 2.10" and "OCPP 2.0.1" do not).
    /// </summary>
    public static bool NamesVersion(string? standard, string protocol, string version)
    {
        var text = Normal(standard);
        var name = Normal(protocol);
        var number = Normal(version);
        if (name.Length == 0 || number.Length == 0 || !text.StartsWith(name, StringComparison.Ordinal))
            return false;
        var rest = text[name.Length..].TrimStart(' ');
        if (!rest.StartsWith(number, StringComparison.Ordinal))
            return false;
        return rest.Length == number.Length || !(char.IsLetterOrDigit(rest[number.Length]) || rest[number.Length] == '.');
    }

    /// <summary>"OCPP" and "2.1" make "OCPP 2.1"; "ISO 15118" and "-20:2022" make "ISO 15118-20:2022".</summary>
    public static string Join(string protocol, string version) =>
        version.Length > 0 && char.IsLetterOrDigit(version[0]) ? $"{protocol} {version}" : protocol + version;

    private static string Normal(string? text)
    {
        var builder = new StringBuilder();
        var space = false;
        foreach (var c in (text ?? "").Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }
}
