namespace Portal.Integration.Requirements;

/// <summary>What is wrong with a catalogue file, in one word the portal can translate.</summary>
public enum CatalogueProblemKind
{
    /// <summary>The file is not JSON at all.</summary>
    NotJson,

    /// <summary>A field that must be there is missing or empty.</summary>
    Missing,

    /// <summary>A field has the wrong JSON type (a number where text belongs, ...).</summary>
    WrongType,

    /// <summary>A field the schema does not know (often a typing error).</summary>
    UnknownField,

    /// <summary>The file's schema version is not one this portal reads.</summary>
    UnsupportedSchemaVersion,

    /// <summary>A value that is not in the file's own vocabulary for that field.</summary>
    NotInVocabulary,

    /// <summary>A verification kind the portal does not know how to check.</summary>
    UnknownVerificationKind,

    /// <summary>A set id used twice.</summary>
    DuplicateSetId,

    /// <summary>A requirement code used twice within one set.</summary>
    DuplicateCode,

    /// <summary>A related code that is not a requirement of the same set.</summary>
    UnknownRelated,
}

/// <summary>
/// One problem in a catalogue file: where it is (set, requirement code, field within it) and what is wrong.
/// <see cref="Message"/> says it in English for logs and tests; pages translate <see cref="Kind"/>.
/// </summary>
public sealed record CatalogueProblem(CatalogueProblemKind Kind, string? SetId, string? Code, string Field, string? Value)
{
    public string Message
    {
        get
        {
            var where = (SetId, Code) switch
            {
                (null, _) => $"'{Field}'",
                (_, null) => $"set '{SetId}', '{Field}'",
                _ => $"set '{SetId}', requirement '{Code}', '{Field}'",
            };
            return Kind switch
            {
                CatalogueProblemKind.NotJson => $"The file is not valid JSON (line {Value}).",
                CatalogueProblemKind.Missing => $"{where} is missing or empty.",
                CatalogueProblemKind.WrongType => $"{where} should be {Value}.",
                CatalogueProblemKind.UnknownField => $"{where} is not a field of the catalogue schema.",
                CatalogueProblemKind.UnsupportedSchemaVersion => $"{where} is {Value}; this portal reads schema version {RequirementCatalogueJson.SchemaVersion}.",
                CatalogueProblemKind.NotInVocabulary => $"{where}: '{Value}' is not in the file's vocabulary.",
                CatalogueProblemKind.UnknownVerificationKind => $"{where}: '{Value}' is not a verification kind the portal knows (ocpi-data, certificate, field-audit, declaration).",
                CatalogueProblemKind.DuplicateSetId => $"{where}: set id '{Value}' is used more than once.",
                CatalogueProblemKind.DuplicateCode => $"{where}: code '{Value}' is used more than once in this set.",
                CatalogueProblemKind.UnknownRelated => $"{where}: '{Value}' is not a requirement code of this set.",
                _ => $"{where}: {Kind} {Value}",
            };
        }
    }

    public override string ToString() => Message;
}
