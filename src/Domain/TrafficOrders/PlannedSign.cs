using Portal.Domain.Common;

namespace Portal.Domain.TrafficOrders;

/// <summary>
/// The signs an order places at one location: the board, its sub-sign text and, where the municipality
/// limits parking there, a time window (for example "ma-vr 8-20 h") or a maximum parking time.
/// </summary>
public sealed record PlannedSign
{
    public const string ChargingSubSign = "opladen van elektrische voertuigen";
    public const int MaxSubSignLength = 120;

    private PlannedSign(SignBoard board, string subSign, string? timeWindow, int? maxParkingMinutes)
    {
        Board = board;
        SubSign = subSign;
        TimeWindow = timeWindow;
        MaxParkingMinutes = maxParkingMinutes;
    }

    public SignBoard Board { get; }
    public string SubSign { get; }
    public string? TimeWindow { get; }
    public int? MaxParkingMinutes { get; }

    /// <summary>The usual set: the board with the charging sub-sign and nothing else.</summary>
    public static PlannedSign ForCharging(SignBoard board) => new(board, ChargingSubSign, null, null);

    public static PlannedSign Create(SignBoard board, string? subSign, string? timeWindow, int? maxParkingMinutes)
    {
        var text = string.IsNullOrWhiteSpace(subSign) ? ChargingSubSign : subSign.Trim();
        var window = string.IsNullOrWhiteSpace(timeWindow) ? null : timeWindow.Trim();
        if (text.Length > MaxSubSignLength || window?.Length > MaxSubSignLength)
            throw new DomainRuleViolated(DomainRule.SubSignTooLong, $"A sub-sign text can have at most {MaxSubSignLength} characters.", MaxSubSignLength);
        if (maxParkingMinutes is < 15 or > 24 * 60)
            throw new DomainRuleViolated(DomainRule.MaxParkingTimeOutOfRange, "A maximum parking time lies between 15 minutes and 24 hours.");
        return new PlannedSign(board, text, window, maxParkingMinutes);
    }

    /// <summary>The RVV code as the national sign register writes it, e.g. "E04".</summary>
    public string RvvCode => Board == SignBoard.E4 ? "E04" : "E08";
}
