namespace Portal.Resources;

/// <summary>Marker for the portal's texts: Texts.resx is Dutch (the default), Texts.en.resx English.</summary>
public sealed class Texts;
