using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Portal.Hosting;
using Portal.Integration.Accounts;
using Portal.Integration.Mail;
using Portal.Resources;

namespace Portal.Features.Accounts;

/// <summary>The account e-mails: confirm your address, reset your password, your invitation; every link starts with the public address.</summary>
internal sealed class AccountMailer(UserManager<PortalUser> users, IMailSender mail, PublicUrl portal, IStringLocalizer<Texts> T)
{
    public async Task SendConfirmationAsync(PortalUser user)
    {
        var token = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = portal.For($"/account/bevestigen?gebruiker={Uri.EscapeDataString(user.Id)}&code={token}");
        await mail.SendAsync(new OutgoingMail(user.Email!, user.DisplayName, T["Mail.Confirm.Subject"], T["Mail.Confirm.Body", user.DisplayName, link]));
    }

    public async Task SendPasswordResetAsync(PortalUser user)
    {
        var link = await ResetLinkAsync(user);
        await mail.SendAsync(new OutgoingMail(user.Email!, user.DisplayName, T["Mail.Reset.Subject"], T["Mail.Reset.Body", user.DisplayName, link]));
    }

    public async Task SendInvitationAsync(PortalUser user)
    {
        var link = await ResetLinkAsync(user);
        await mail.SendAsync(new OutgoingMail(user.Email!, user.DisplayName, T["Mail.Invite.Subject"], T["Mail.Invite.Body", user.DisplayName, link]));
    }

    public static string Decode(string code) => Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));

    private async Task<string> ResetLinkAsync(PortalUser user)
    {
        var token = Encode(await users.GeneratePasswordResetTokenAsync(user));
        return portal.For($"/account/wachtwoord-instellen?gebruiker={Uri.EscapeDataString(user.Id)}&code={token}");
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
}
