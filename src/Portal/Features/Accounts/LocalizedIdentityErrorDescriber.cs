using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Portal.Resources;

namespace Portal.Features.Accounts;

/// <summary>Identity's validation messages in the person's language.</summary>
internal sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<Texts> T) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), T["Identity.DuplicateEmail", email]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), T["Identity.DuplicateEmail", userName]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), T["Identity.InvalidEmail", email ?? ""]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), T["Identity.PasswordTooShort", length]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), T["Identity.PasswordRequiresDigit"]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), T["Identity.PasswordRequiresLower"]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), T["Identity.PasswordRequiresUpper"]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), T["Identity.PasswordRequiresUniqueChars", uniqueChars]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), T["Identity.PasswordMismatch"]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), T["Identity.InvalidToken"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
