namespace Portal.Domain.TrafficOrders;

/// <summary>The consultation of the police the BABW requires before an order (art. 24): when, and what they answered.</summary>
public sealed record PoliceConsultation(DateOnly ConsultedOn, string Answer)
{
    public const int MaxAnswerLength = 4000;
}
