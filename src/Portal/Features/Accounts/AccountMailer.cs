using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Portal.Integration.Accounts;
using Portal.Integration.Mail;
using Portal.Resources;

namespace Portal.Features.Accounts;

/// <summary>The account e-mails: confirm your address, reset your password, your invitation.</summary>
internal sealed class AccountMailer(UserManager<PortalUser> users, IMailSender mail, IStringLocalizer<Texts> T)
{
    public async Task SendConfirmationAsync(PortalUser user, string baseUri)
    {
        var token = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = $"{baseUri.TrimEnd('/')}/account/bevestigen?gebruiker={Uri.EscapeDataString(user.Id)}&code={token}";
        await mail.SendAsync(new OutgoingMail(user.Email!, user.DisplayName, T["Mail.Confirm.Subject"], T["Mail.Confirm.Body", user.DisplayName, link]));
    }

    public async Task SendPasswordResetAsync(PortalUser user, string baseUri)
    {
        var link = await ResetLinkAsync(user, baseUri);
        await mail.SendAsync(new OutgoingMail(user.Email!, user.DisplayName, T["Mail.Reset.Subject"], T["Mail.Reset.Body", user.DisplayName, link]));
    }

    public async Task SendInvitationAsync(PortalUser user, string baseUri)
    {
        var link = await ResetLinkAsync(user, baseUri);
        await mail.SendAsync(new OutgoingMail(user.Email!, user.DisplayName, T["Mail.Invite.Subject"], T["Mail.Invite.Body", user.DisplayName, link]));
    }

    public static string Decode(string code) => Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));

    private async Task<string> ResetLinkAsync(PortalUser user, string baseUri)
    {
        var token = Encode(await users.GeneratePasswordResetTokenAsync(user));
        return $"{baseUri.TrimEnd('/')}/account/wachtwoord-instellen?gebruiker={Uri.EscapeDataString(user.Id)}&code={token}";
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
}
