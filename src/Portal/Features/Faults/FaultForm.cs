using Portal.Domain.Faults;

namespace Portal.Features.Faults;

/// <summary>What the public fault form posts; kept as typed when the form comes back with an error.</summary>
public sealed class FaultForm
{
    public string? EvseUid { get; set; }
    public FaultKind? Kind { get; set; }
    public string? Description { get; set; }

    /// <summary>When it was noticed, in Dutch local time as the browser's date-and-time field sends it.</summary>
    public DateTime? NoticedAt { get; set; }
    public string? Email { get; set; }

    /// <summary>The field people do not see: a robot fills it in.</summary>
    public string? Website { get; set; }

    /// <summary>The signed moment the form was shown.</summary>
    public string? Stamp { get; set; }
}
