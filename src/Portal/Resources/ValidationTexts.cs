using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Resources;

namespace Portal.Resources;

/// <summary>
/// Validation messages for DataAnnotations, read from Texts.resx in the request's language.
/// The messages stand next to the field, so they do not repeat its name.
/// </summary>
public static class ValidationTexts
{
    private static readonly ResourceManager Resources = new("Portal.Resources.Texts", typeof(Texts).Assembly);

    public static string Required => Get("Validation.Required");
    public static string Email => Get("Validation.Email");
    public static string MaxLength => Get("Validation.MaxLength");
    public static string Compare => Get("Validation.Compare");
    public static string MustAccept => Get("Validation.MustAccept");

    private static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}

public sealed class RequiredFieldAttribute : RequiredAttribute
{
    public RequiredFieldAttribute()
    {
        ErrorMessageResourceType = typeof(ValidationTexts);
        ErrorMessageResourceName = nameof(ValidationTexts.Required);
    }
}

public sealed class EmailFieldAttribute : DataTypeAttribute
{
    private static readonly EmailAddressAttribute Inner = new();

    public EmailFieldAttribute() : base(DataType.EmailAddress)
    {
        ErrorMessageResourceType = typeof(ValidationTexts);
        ErrorMessageResourceName = nameof(ValidationTexts.Email);
    }

    public override bool IsValid(object? value) => value is null || (Inner.IsValid(value) && value.ToString()!.Contains('.', StringComparison.Ordinal));
}

public sealed class MaxCharactersAttribute : StringLengthAttribute
{
    public MaxCharactersAttribute(int maximumLength) : base(maximumLength)
    {
        ErrorMessageResourceType = typeof(ValidationTexts);
        ErrorMessageResourceName = nameof(ValidationTexts.MaxLength);
    }
}

public sealed class SameAsAttribute : CompareAttribute
{
    public SameAsAttribute(string otherProperty) : base(otherProperty)
    {
        ErrorMessageResourceType = typeof(ValidationTexts);
        ErrorMessageResourceName = nameof(ValidationTexts.Compare);
    }
}

public sealed class MustBeTrueAttribute : ValidationAttribute
{
    public MustBeTrueAttribute()
    {
        ErrorMessageResourceType = typeof(ValidationTexts);
        ErrorMessageResourceName = nameof(ValidationTexts.MustAccept);
    }

    public override bool IsValid(object? value) => value is true;
}
