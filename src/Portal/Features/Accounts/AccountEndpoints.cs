using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Portal.Hosting;
using Portal.Integration.Accounts;

namespace Portal.Features.Accounts;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // Checked by hand so that a post from another site gets a plain 400 and nobody is logged out.
        app.MapPost("/account/uitloggen", async (HttpContext context, IAntiforgery antiforgery, SignInManager<PortalUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.BadRequest();
            await signIn.SignOutAsync();
            var form = await context.Request.ReadFormAsync();
            return Results.LocalRedirect(LocalUrl.OrHome(form["returnUrl"]));
        }).DisableAntiforgery();
    }
}
