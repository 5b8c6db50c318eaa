using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Portal.Integration.Accounts;

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

    /// <summary>Sets the language cookie; for a signed-in person also the language their mails are written in.</summary>
    public static async Task<IResult> SwitchLanguageAsync(string culture, string? returnUrl, HttpContext context, UserManager<PortalUser> users)
    {
        if (!SupportedCultures.Contains(culture))
            return Results.BadRequest();
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user && user.PreferredCulture != culture)
        {
            user.PreferredCulture = culture;
            await users.UpdateAsync(user);
        }
        return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }

    /// <summary>The supported language of a stored preference; Dutch when there is none.</summary>
    public static CultureInfo CultureOf(string? preferred) =>
        CultureInfo.GetCultureInfo(preferred is not null && SupportedCultures.Contains(preferred) ? preferred : SupportedCultures[0]);

    /// <summary>Writes texts in <paramref name="culture"/> until disposed, as for a mail to someone else than the person making the request.</summary>
    public static IDisposable UseCulture(CultureInfo culture) => new CultureScope(culture);

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
    }
}
