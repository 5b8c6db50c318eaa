using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Portal.Hosting;

internal static class LocalizationRegistration
{
    public static readonly string[] SupportedCultures = ["nl", "en"];

    /// <summary>Dutch unless the person chose English with the language switch (a cookie).</summary>
    public static void AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("nl");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }

    public static IResult SwitchLanguage(string culture, string? returnUrl, HttpContext context)
    {
        if (!SupportedCultures.Contains(culture))
            return Results.BadRequest();
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }
}
