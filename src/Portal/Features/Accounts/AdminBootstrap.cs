using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Domain.Accounts;
using Portal.Integration.Accounts;

namespace Portal.Features.Accounts;

/// <summary>The "Bootstrap" section: who becomes the first administrator of a new installation.</summary>
internal sealed class AdminBootstrapOptions
{
    public string? AdminEmail { get; set; }
}

/// <summary>
/// A new installation has no administrator. When Bootstrap:AdminEmail is set and no administrator
/// exists yet, this creates one and mails an invitation to choose a password.
/// </summary>
internal sealed class AdminBootstrap(UserManager<PortalUser> users, AccountMailer mailer, IOptions<AdminBootstrapOptions> options, TimeProvider clock, ILogger<AdminBootstrap> logger)
{
    public async Task RunAsync()
    {
        var email = options.Value.AdminEmail?.Trim();
        if (string.IsNullOrEmpty(email) || (await users.GetUsersInRoleAsync(PortalRoles.Admin)).Count > 0)
            return;

        var admin = new PortalUser { UserName = email, Email = email, DisplayName = email, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(admin);
        if (!created.Succeeded)
        {
            logger.LogError("Could not create the first administrator {Email}: {Errors}", email, string.Join("; ", created.Errors.Select(e => e.Description)));
            return;
        }
        await users.AddToRoleAsync(admin, PortalRoles.Admin);
        await mailer.SendInvitationAsync(admin);
        logger.LogWarning("Created the first administrator {Email}; an invitation to set a password was mailed", email);
    }
}
