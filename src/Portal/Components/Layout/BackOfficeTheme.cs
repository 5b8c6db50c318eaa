using MudBlazor;
using Portal.Hosting;

namespace Portal.Components.Layout;

/// <summary>The back office's MudBlazor theme, made from the same Theme:* settings as the front office.</summary>
internal static class BackOfficeTheme
{
    // System fonts: the portal loads no fonts from elsewhere (the Content-Security-Policy allows only 'self').
    private static readonly string[] Fonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme From(ThemeOptions options)
    {
        var primary = ThemeOptions.IsColour(options.PrimaryColor) ? options.PrimaryColor : new ThemeOptions().PrimaryColor;
        var onPrimary = ThemeOptions.IsColour(options.OnPrimaryColor) ? options.OnPrimaryColor : new ThemeOptions().OnPrimaryColor;
        return new MudTheme
        {
            PaletteLight = new PaletteLight
            {
                Primary = primary,
                PrimaryContrastText = onPrimary,
                AppbarBackground = primary,
                AppbarText = onPrimary,
                // MudBlazor's default secondary and text greys fall under 4.5:1 on white; these pass.
                Secondary = "#5c3d8f",
                TextSecondary = "#4d4d4d",
                ActionDefault = "#4d4d4d",
                DrawerText = "#1a1a1a",
                DrawerIcon = "#4d4d4d",
                Success = "#1b6e20",
                Warning = "#8a4b00",
                Error = "#b00020",
                Info = "#0b5cad",
            },
            Typography = new Typography
            {
                Default = new DefaultTypography { FontFamily = Fonts },
            },
        };
    }
}
