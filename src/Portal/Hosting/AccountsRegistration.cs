using Microsoft.AspNetCore.Identity;
using Portal.Features.Accounts;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Hosting;

internal static class AccountsRegistration
{
    public const string LoginPath = "/account/inloggen";

    public static void AddPortalAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<PortalUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Accounts:MaxFailedAccessAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Accounts:LockoutMinutes", 15));
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.LogoutPath = "/account/uitloggen";
            o.AccessDeniedPath = "/geen-toegang";
            o.Cookie.Name = "portal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // A signed-in user on a page of another role gets a real 403, rendered by the status-code page.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
    }
}
