using System.Globalization;
using System.Text;
using Portal.Domain.Installations;

namespace Portal.Features.Installations.BulkUpdate;

/// <summary>Why a row of a bulk update file could not be read.</summary>
internal enum BulkUpdateRowProblem
{
    ReferenceMissing,
    UnknownStep,
    BadDate,
    CommentTooLong,
    TooManyColumns,
}

/// <summary>One readable row: the case's reference (upper case), the step reported done, the day it was done and an optional comment.</summary>
internal sealed record BulkUpdateLine(string Reference, InstallationStep Step, DateOnly DoneOn, string? Comment);

/// <summary>A row read: the line, or why it could not be read and the value that was wrong.</summary>
internal sealed record BulkUpdateRowResult(BulkUpdateLine? Line, BulkUpdateRowProblem? Problem, string? Value)
{
    public static BulkUpdateRowResult Read(BulkUpdateLine line) => new(line, null, null);

    public static BulkUpdateRowResult Refused(BulkUpdateRowProblem problem, string? value) => new(null, problem, value);
}

/// <summary>
/// Reads one row of a bulk update file: reference; step; date[; comment]. A step is its number (1-10) or its Dutch or
/// English name, in any case, with or without spaces, hyphens and accents ("Netaansluiting aangevraagd", "grid
/// connection requested", "GridConnectionRequested", "4"). A date is yyyy-MM-dd or dd-MM-yyyy (a day and month of
/// one digit allowed in the second). Pure: the same fields give the same result.
/// </summary>
internal static class BulkUpdateRow
{
    public const int MaxColumns = 4;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"];

    /// <summary>The Dutch names, as the pages, the template and the report write them (the texts <c>InstallationStep.*</c>).</summary>
    public static readonly IReadOnlyDictionary<InstallationStep, string> DutchNames = new Dictionary<InstallationStep, string>
    {
        [InstallationStep.AcceptedByCpo] = "Geaccepteerd door de CPO",
        [InstallationStep.LocationProposalChecked] = "Locatievoorstel getoetst",
        [InstallationStep.NeighboursInformed] = "Omwonenden geïnformeerd",
        [InstallationStep.GridConnectionRequested] = "Netaansluiting aangevraagd",
        [InstallationStep.DigNotificationMade] = "Graafmelding (KLIC) gedaan",
        [InstallationStep.DiggingPermitted] = "Toestemming om te graven",
        [InstallationStep.ChargePointPlaced] = "Laadpaal geplaatst",
        [InstallationStep.SignsPlaced] = "Borden en markering geplaatst",
        [InstallationStep.Commissioned] = "In gebruik genomen",
        [InstallationStep.Informed] = "Aanvrager en beheer geïnformeerd",
    };

    public static readonly IReadOnlyDictionary<InstallationStep, string> EnglishNames = new Dictionary<InstallationStep, string>
    {
        [InstallationStep.AcceptedByCpo] = "Accepted by the CPO",
        [InstallationStep.LocationProposalChecked] = "Location proposal checked",
        [InstallationStep.NeighboursInformed] = "Neighbours informed",
        [InstallationStep.GridConnectionRequested] = "Grid connection requested",
        [InstallationStep.DigNotificationMade] = "Dig notification (KLIC) made",
        [InstallationStep.DiggingPermitted] = "Permission to dig",
        [InstallationStep.ChargePointPlaced] = "Charge point placed",
        [InstallationStep.SignsPlaced] = "Signs and markings placed",
        [InstallationStep.Commissioned] = "Commissioned",
        [InstallationStep.Informed] = "Applicant and maintenance informed",
    };

    // Shorter names people write in a spreadsheet, earlier names, and a removal's names, besides the full ones above and the enum's own.
    private static readonly (string Name, InstallationStep Step)[] ShortNames =
    [
        ("Geaccepteerd", InstallationStep.AcceptedByCpo), ("Accepted", InstallationStep.AcceptedByCpo), ("Acceptatie", InstallationStep.AcceptedByCpo),
        ("Locatievoorstel", InstallationStep.LocationProposalChecked), ("Location proposal", InstallationStep.LocationProposalChecked),
        ("Omwonenden", InstallationStep.NeighboursInformed), ("Neighbors informed", InstallationStep.NeighboursInformed), ("Neighbours", InstallationStep.NeighboursInformed),
        ("Netaansluiting", InstallationStep.GridConnectionRequested), ("Grid connection", InstallationStep.GridConnectionRequested),
        ("KLIC", InstallationStep.DigNotificationMade), ("KLIC-melding", InstallationStep.DigNotificationMade), ("Graafmelding", InstallationStep.DigNotificationMade), ("Dig notification", InstallationStep.DigNotificationMade),
        ("Geaccepteerd door CPO", InstallationStep.AcceptedByCpo), ("Accepted by CPO", InstallationStep.AcceptedByCpo),
        ("KLIC-melding gedaan", InstallationStep.DigNotificationMade), ("Dig notification made", InstallationStep.DigNotificationMade),
        ("Graafvergunning", InstallationStep.DiggingPermitted), ("Graafvergunning verleend", InstallationStep.DiggingPermitted), ("Graaftoestemming", InstallationStep.DiggingPermitted),
        ("Digging permitted", InstallationStep.DiggingPermitted),
        ("Laadpaal", InstallationStep.ChargePointPlaced), ("Laadpaal verwijderd", InstallationStep.ChargePointPlaced), ("Charge point removed", InstallationStep.ChargePointPlaced),
        ("Borden", InstallationStep.SignsPlaced), ("Borden geplaatst", InstallationStep.SignsPlaced), ("Signs", InstallationStep.SignsPlaced), ("Signs placed", InstallationStep.SignsPlaced),
        ("Borden en markering verwijderd", InstallationStep.SignsPlaced), ("Signs and markings removed", InstallationStep.SignsPlaced),
        ("Ingebruikname", InstallationStep.Commissioned), ("In gebruik", InstallationStep.Commissioned),
        ("Geïnformeerd", InstallationStep.Informed), ("Informed", InstallationStep.Informed),
    ];

    private static readonly Dictionary<string, InstallationStep> Steps = BuildSteps();

    public static BulkUpdateRowResult Parse(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var field = (int i) => i < fields.Count ? fields[i].Trim() : "";
        if (fields.Skip(MaxColumns).Any(f => !string.IsNullOrWhiteSpace(f)))
            return BulkUpdateRowResult.Refused(BulkUpdateRowProblem.TooManyColumns, fields.Count.ToString(CultureInfo.InvariantCulture));
        var reference = field(0);
        if (reference.Length == 0)
            return BulkUpdateRowResult.Refused(BulkUpdateRowProblem.ReferenceMissing, null);
        if (StepOf(field(1)) is not { } step)
            return BulkUpdateRowResult.Refused(BulkUpdateRowProblem.UnknownStep, field(1));
        if (!DateOnly.TryParseExact(field(2), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var doneOn))
            return BulkUpdateRowResult.Refused(BulkUpdateRowProblem.BadDate, field(2));
        var comment = field(3);
        if (comment.Length > InstallationStepRecord.MaxCommentLength)
            return BulkUpdateRowResult.Refused(BulkUpdateRowProblem.CommentTooLong, InstallationStepRecord.MaxCommentLength.ToString(CultureInfo.InvariantCulture));
        return BulkUpdateRowResult.Read(new BulkUpdateLine(reference.ToUpperInvariant(), step, doneOn, comment.Length == 0 ? null : comment));
    }

    /// <summary>The step a cell names, or null.</summary>
    public static InstallationStep? StepOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        // A number is digits only: "-3" or "3." is no step, though its letters-and-digits key would be "3".
        if (trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit))
            return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && Enum.IsDefined((InstallationStep)number) ? (InstallationStep)number : null;
        if (!trimmed.Any(char.IsLetter))
            return null;
        return Steps.TryGetValue(Key(trimmed), out var step) ? step : null;
    }

    /// <summary>True when the row is a header (its first cell names the reference column), to be skipped.</summary>
    public static bool IsHeader(IReadOnlyList<string> fields) =>
        fields is [var first, ..] && Key(first) is "reference" or "referentie" or "kenmerk" or "zaak" or "zaaknummer";

    // Lower case, accents removed, only letters and digits: "KLIC-melding gedaan" and "klic melding gedaan" are one name.
    private static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static Dictionary<string, InstallationStep> BuildSteps()
    {
        var steps = new Dictionary<string, InstallationStep>(StringComparer.Ordinal);
        foreach (var step in Enum.GetValues<InstallationStep>())
        {
            steps[Key(step.ToString())] = step;
            steps[Key(DutchNames[step])] = step;
            steps[Key(EnglishNames[step])] = step;
        }
        foreach (var (name, step) in ShortNames)
            steps.TryAdd(Key(name), step);
        return steps;
    }
}
