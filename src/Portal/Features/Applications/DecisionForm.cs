namespace Portal.Features.Applications;

/// <summary>
/// One decision on an application. <see cref="Previewed"/> carries what the officer last saw in the
/// mail preview: the decision is taken only when the confirmed form still matches it.
/// </summary>
public sealed class DecisionForm
{
    public const string NewSpot = "nieuw";

    public string? Text { get; set; }
    public string? Spot { get; set; }
    public Guid? ChargeLocation { get; set; }
    public string? Previewed { get; set; }

    public string PreviewKey => $"{Spot}|{ChargeLocation}|{Text?.Trim()}";
}
