namespace Portal.Domain.Municipalities;

/// <summary>
/// What residents read: an introduction on the apply page and what happens after they submit.
/// Dutch is required; English is optional and falls back to the Dutch text.
/// </summary>
public sealed record ResidentTexts(string IntroNl, string NextStepsNl, string? IntroEn = null, string? NextStepsEn = null)
{
    public const int MaxLength = 4000;

    public string Intro(bool english) => english && !string.IsNullOrWhiteSpace(IntroEn) ? IntroEn : IntroNl;

    public string NextSteps(bool english) => english && !string.IsNullOrWhiteSpace(NextStepsEn) ? NextStepsEn : NextStepsNl;
}
