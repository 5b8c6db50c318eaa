using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Hosting;

/// <summary>
/// The "Theme" configuration section: how a municipality makes the portal its own. Colours
/// override NL Design System tokens, so every component picks them up.
/// </summary>
public sealed partial class ThemeOptions
{
    public string MunicipalityName { get; set; } = "Gemeente";
    public string? LogoUrl { get; set; }
    public string FaviconUrl { get; set; } = "img/favicon.svg";

    /// <summary>Main brand colour: header band, primary buttons, links.</summary>
    public string PrimaryColor { get; set; } = "#00607a";

    /// <summary>Text on the primary colour; must contrast at least 4.5:1 with it.</summary>
    public string OnPrimaryColor { get; set; } = "#ffffff";

    public string LinkColor { get; set; } = "#00607a";
    public string FocusColor { get; set; } = "#ffbf47";

    public string ToCssVariables()
    {
        var css = new StringBuilder(":root,.utrecht-theme{");
        Add(css, "--portal-primary", PrimaryColor);
        Add(css, "--portal-on-primary", OnPrimaryColor);
        Add(css, "--portal-focus", FocusColor);
        Add(css, "--utrecht-button-primary-action-background-color", PrimaryColor);
        Add(css, "--utrecht-button-primary-action-color", OnPrimaryColor);
        Add(css, "--utrecht-button-primary-action-hover-background-color", PrimaryColor);
        Add(css, "--utrecht-link-color", LinkColor);
        Add(css, "--utrecht-link-visited-color", LinkColor);
        Add(css, "--utrecht-focus-outline-color", "#000000");
        Add(css, "--utrecht-focus-background-color", FocusColor);
        Add(css, "--utrecht-page-header-background-color", PrimaryColor);
        Add(css, "--utrecht-page-header-color", OnPrimaryColor);
        return css.Append('}').ToString();
    }

    /// <summary>Whether a setting is a colour the portal accepts (<c>#rgb</c> or <c>#rrggbb</c>).</summary>
    public static bool IsColour(string? value) => value is not null && ColourPattern().IsMatch(value);

    // Configuration is trusted, but a typo must not break out of the style element.
    private static void Add(StringBuilder css, string name, string value)
    {
        if (IsColour(value))
            css.Append(CultureInfo.InvariantCulture, $"{name}:{value};");
    }

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}){1,2}$")]
    private static partial Regex ColourPattern();
}

internal static class ThemeRegistration
{
    public static void AddPortalTheme(this IServiceCollection services, IConfigurationSection section) =>
        services.AddOptions<ThemeOptions>().Bind(section);
}
