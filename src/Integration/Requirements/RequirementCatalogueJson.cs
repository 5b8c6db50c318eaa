using System.Globalization;
using System.Text.Json;
using Portal.Domain.Requirements;

namespace Portal.Integration.Requirements;

/// <summary>
/// Reads a requirement catalogue file (schema version 1) into a <see cref="RequirementCatalogue"/>, checking it
/// completely first: every problem is reported with its set, requirement code and field, and a file with any
/// problem is refused as a whole (<see cref="RequirementCatalogueRejected"/>).
/// </summary>
public static class RequirementCatalogueJson
{
    public const int SchemaVersion = 1;

    /// <summary>More problems than this in one file say little more; the list stops there.</summary>
    public const int MaxProblems = 100;

    private const string SeedResource = "Portal.Integration.Requirements.catalogue.json";

    private static readonly Dictionary<string, VerificationKind> KnownKinds = new(StringComparer.Ordinal)
    {
        ["ocpi-data"] = VerificationKind.OcpiData,
        ["certificate"] = VerificationKind.Certificate,
        ["field-audit"] = VerificationKind.FieldAudit,
        ["declaration"] = VerificationKind.Declaration,
    };

    private static readonly HashSet<string> TopFields = ["schema_version", "description", "vocabularies", "sets"];
    private static readonly HashSet<string> VocabularyFields = ["section", "applies_to", "verification_kind"];
    private static readonly HashSet<string> SetFields = ["id", "title", "publisher", "source", "note", "requirements"];
    private static readonly HashSet<string> RequirementFields =
    [
        "code", "seed_id", "section", "seed_heading", "summary", "applies_to", "standards", "modules", "thresholds",
        "verification", "related", "note",
    ];
    private static readonly HashSet<string> VerificationFields = ["kind", "how"];

    /// <summary>The catalogue file as text: the JSON the portal ships with.</summary>
    public static string SeedText()
    {
        using var stream = typeof(RequirementCatalogueJson).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException($"The embedded resource {SeedResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The catalogue the portal ships with.</summary>
    public static RequirementCatalogue Seed() => Parse(SeedText());

    /// <summary>The verification kind's name in catalogue files ("ocpi-data").</summary>
    public static string KindName(VerificationKind kind) => KnownKinds.First(k => k.Value == kind).Key;

    /// <exception cref="RequirementCatalogueRejected">The file has at least one problem.</exception>
    public static RequirementCatalogue Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            // The parser's own message is English; the line (counted from 1) is what an administrator can act on in any language.
            var line = ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
            throw new RequirementCatalogueRejected([new CatalogueProblem(CatalogueProblemKind.NotJson, null, null, "", line)]);
        }

        using (document)
        {
            var reading = new Reading();
            var catalogue = reading.Catalogue(document.RootElement);
            if (reading.Problems.Count > 0 || catalogue is null)
                throw new RequirementCatalogueRejected(reading.Problems);
            return catalogue;
        }
    }

    private sealed class Reading
    {
        private readonly List<CatalogueProblem> _problems = [];
        private string? _set;
        private string? _code;

        public IReadOnlyList<CatalogueProblem> Problems => _problems;

        public RequirementCatalogue? Catalogue(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Add(CatalogueProblemKind.WrongType, "(file)", "an object with schema_version, vocabularies and sets");
                return null;
            }

            UnknownFields(root, TopFields, "");
            if (!root.TryGetProperty("schema_version", out var version) || version.ValueKind == JsonValueKind.Null)
            {
                Add(CatalogueProblemKind.Missing, "schema_version");
                return null;
            }
            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var schemaVersion))
            {
                Add(CatalogueProblemKind.WrongType, "schema_version", "a whole number");
                return null;
            }
            if (schemaVersion != SchemaVersion)
            {
                Add(CatalogueProblemKind.UnsupportedSchemaVersion, "schema_version", schemaVersion.ToString(CultureInfo.InvariantCulture));
                return null;
            }
            OptionalText(root, "description", "description");

            var vocabularies = Vocabularies(root);
            var sets = new List<RequirementSet>();
            var setIds = new HashSet<string>(StringComparer.Ordinal);
            var setArray = Array(root, "sets", "sets", required: true);
            if (setArray is { } items && items.GetArrayLength() == 0)
                Add(CatalogueProblemKind.Missing, "sets");
            foreach (var (set, index) in Items(setArray).Select((s, i) => (s, i)))
            {
                var read = Set(set, index, vocabularies);
                if (read is null)
                    continue;
                if (!setIds.Add(read.Id))
                {
                    _set = read.Id;
                    Add(CatalogueProblemKind.DuplicateSetId, "id", read.Id);
                    _set = null;
                }
                sets.Add(read);
            }

            return _problems.Count == 0 ? new RequirementCatalogue(schemaVersion, sets) : null;
        }

        private Vocabulary? Vocabularies(JsonElement root)
        {
            if (!root.TryGetProperty("vocabularies", out var element) || element.ValueKind == JsonValueKind.Null)
            {
                Add(CatalogueProblemKind.Missing, "vocabularies");
                return null;
            }
            if (element.ValueKind != JsonValueKind.Object)
            {
                Add(CatalogueProblemKind.WrongType, "vocabularies", "an object");
                return null;
            }
            UnknownFields(element, VocabularyFields, "vocabularies.");
            var sections = TextList(element, "section", "vocabularies.section", required: true, nonEmpty: true);
            var appliesTo = TextList(element, "applies_to", "vocabularies.applies_to", required: true, nonEmpty: true);
            var kinds = TextList(element, "verification_kind", "vocabularies.verification_kind", required: true, nonEmpty: true);
            foreach (var kind in kinds.Where(k => !KnownKinds.ContainsKey(k)))
                Add(CatalogueProblemKind.UnknownVerificationKind, "vocabularies.verification_kind", kind);
            return new Vocabulary([.. sections], [.. appliesTo], [.. kinds]);
        }

        private RequirementSet? Set(JsonElement element, int index, Vocabulary? vocabulary)
        {
            _set = null;
            _code = null;
            var place = $"sets[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                Add(CatalogueProblemKind.WrongType, place, "an object");
                return null;
            }
            var id = RequiredText(element, "id", place + ".id");
            if (id is null)
                return null;

            _set = id;
            UnknownFields(element, SetFields, "");
            var title = RequiredText(element, "title", "title");
            var publisher = OptionalText(element, "publisher", "publisher");
            var source = RequiredText(element, "source", "source");
            var note = RequiredText(element, "note", "note");

            var requirements = new List<Requirement>();
            var codes = new HashSet<string>(StringComparer.Ordinal);
            var related = new List<(string Code, int Index, string Related)>();
            var codeless = false;
            var array = Array(element, "requirements", "requirements", required: true);
            if (array is { } items && items.GetArrayLength() == 0)
                Add(CatalogueProblemKind.Missing, "requirements");
            foreach (var (item, i) in Items(array).Select((r, i) => (r, i)))
            {
                var requirement = Requirement(item, i, id, vocabulary);
                _code = null;
                if (requirement is null)
                {
                    codeless = true;
                    continue;
                }
                if (!codes.Add(requirement.Key.Code))
                {
                    _code = requirement.Key.Code;
                    Add(CatalogueProblemKind.DuplicateCode, "code", requirement.Key.Code);
                    _code = null;
                }
                related.AddRange(requirement.Related.Select((r, ri) => (requirement.Key.Code, ri, r)));
                requirements.Add(requirement);
            }
            // A requirement without a readable code may be the one referred to: that problem is reported already.
            foreach (var (code, relatedIndex, relatedCode) in related.Where(r => !codeless && !codes.Contains(r.Related)))
            {
                _code = code;
                Add(CatalogueProblemKind.UnknownRelated, $"related[{relatedIndex.ToString(CultureInfo.InvariantCulture)}]", relatedCode);
            }
            _code = null;
            var set = new RequirementSet(id, title ?? "", publisher, source ?? "", note ?? "", requirements);
            _set = null;
            return set;
        }

        private Requirement? Requirement(JsonElement element, int index, string setId, Vocabulary? vocabulary)
        {
            _code = null;
            var place = $"requirements[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                Add(CatalogueProblemKind.WrongType, place, "an object");
                return null;
            }
            var code = RequiredText(element, "code", place + ".code");
            if (code is null)
                return null;

            _code = code;
            UnknownFields(element, RequirementFields, "");
            var seedId = WholeNumber(element, "seed_id");
            var section = RequiredText(element, "section", "section");
            if (section is not null && vocabulary is not null && !vocabulary.Sections.Contains(section))
                Add(CatalogueProblemKind.NotInVocabulary, "section", section);
            var heading = RequiredText(element, "seed_heading", "seed_heading");
            var summary = RequiredText(element, "summary", "summary");
            var appliesTo = TextList(element, "applies_to", "applies_to", required: true, nonEmpty: true);
            foreach (var (value, i) in appliesTo.Select((v, i) => (v, i)).Where(v => vocabulary is not null && !vocabulary.AppliesTo.Contains(v.v)))
                Add(CatalogueProblemKind.NotInVocabulary, $"applies_to[{i.ToString(CultureInfo.InvariantCulture)}]", value);
            var standards = TextList(element, "standards", "standards", required: true, nonEmpty: false);
            var modules = TextList(element, "modules", "modules", required: true, nonEmpty: false);
            var thresholds = Thresholds(element);
            var (kind, how) = Verification(element, vocabulary);
            var related = TextList(element, "related", "related", required: false, nonEmpty: false);
            var note = OptionalText(element, "note", "note");

            return new Requirement(
                new RequirementKey(setId, code), seedId ?? 0, section ?? "", heading ?? "", summary ?? "",
                appliesTo, standards, modules, thresholds, kind ?? VerificationKind.Declaration, how ?? "", related, note);
        }

        private (VerificationKind? Kind, string? How) Verification(JsonElement requirement, Vocabulary? vocabulary)
        {
            if (!requirement.TryGetProperty("verification", out var element) || element.ValueKind == JsonValueKind.Null)
            {
                Add(CatalogueProblemKind.Missing, "verification");
                return (null, null);
            }
            if (element.ValueKind != JsonValueKind.Object)
            {
                Add(CatalogueProblemKind.WrongType, "verification", "an object with kind and how");
                return (null, null);
            }
            UnknownFields(element, VerificationFields, "verification.");
            var name = RequiredText(element, "kind", "verification.kind");
            var how = RequiredText(element, "how", "verification.how");
            if (name is null)
                return (null, how);
            if (vocabulary is not null && !vocabulary.Kinds.Contains(name))
            {
                Add(CatalogueProblemKind.NotInVocabulary, "verification.kind", name);
                return (null, how);
            }
            if (KnownKinds.TryGetValue(name, out var kind))
                return (kind, how);
            // In the vocabulary but unknown to the portal: already reported on the vocabulary.
            if (vocabulary is null)
                Add(CatalogueProblemKind.UnknownVerificationKind, "verification.kind", name);
            return (null, how);
        }

        private List<RequirementThreshold> Thresholds(JsonElement requirement)
        {
            var thresholds = new List<RequirementThreshold>();
            var array = Array(requirement, "thresholds", "thresholds", required: true);
            foreach (var (element, index) in Items(array).Select((t, i) => (t, i)))
            {
                var place = $"thresholds[{index.ToString(CultureInfo.InvariantCulture)}]";
                if (element.ValueKind != JsonValueKind.Object)
                {
                    Add(CatalogueProblemKind.WrongType, place, "an object with a metric");
                    continue;
                }
                var metric = RequiredText(element, "metric", place + ".metric");
                var limits = new Dictionary<string, decimal>(StringComparer.Ordinal);
                var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var field in element.EnumerateObject().Where(f => f.Name != "metric"))
                {
                    var fieldPlace = $"{place}.{field.Name}";
                    switch (field.Value.ValueKind)
                    {
                        case JsonValueKind.Number when field.Value.TryGetDecimal(out var number):
                            limits[field.Name] = number;
                            break;
                        case JsonValueKind.String when !string.IsNullOrWhiteSpace(field.Value.GetString()):
                            qualifiers[field.Name] = field.Value.GetString()!.Trim();
                            break;
                        case JsonValueKind.True or JsonValueKind.False:
                            qualifiers[field.Name] = field.Value.ValueKind == JsonValueKind.True ? "true" : "false";
                            break;
                        case JsonValueKind.Array when field.Value.GetArrayLength() > 0
                            && field.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())):
                            qualifiers[field.Name] = string.Join(", ", field.Value.EnumerateArray().Select(v => v.GetString()!.Trim()));
                            break;
                        default:
                            Add(CatalogueProblemKind.WrongType, fieldPlace, "a number, a text, true or false, or a list of texts");
                            break;
                    }
                }
                if (metric is not null)
                    thresholds.Add(new RequirementThreshold(metric, limits, qualifiers));
            }
            return thresholds;
        }

        private int? WholeNumber(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Add(CatalogueProblemKind.Missing, name);
                return null;
            }
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < 0)
            {
                Add(CatalogueProblemKind.WrongType, name, "a whole number of zero or more");
                return null;
            }
            return number;
        }

        private string? RequiredText(JsonElement element, string name, string field)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null
                || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
            {
                Add(CatalogueProblemKind.Missing, field);
                return null;
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                Add(CatalogueProblemKind.WrongType, field, "a text");
                return null;
            }
            return value.GetString()!.Trim();
        }

        private string? OptionalText(JsonElement element, string name, string field)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return null;
            if (value.ValueKind != JsonValueKind.String)
            {
                Add(CatalogueProblemKind.WrongType, field, "a text");
                return null;
            }
            var text = value.GetString()!.Trim();
            return text.Length == 0 ? null : text;
        }

        private JsonElement? Array(JsonElement element, string name, string field, bool required)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                    Add(CatalogueProblemKind.Missing, field);
                return null;
            }
            if (value.ValueKind != JsonValueKind.Array)
            {
                Add(CatalogueProblemKind.WrongType, field, "a list");
                return null;
            }
            return value;
        }

        private List<string> TextList(JsonElement element, string name, string field, bool required, bool nonEmpty)
        {
            var texts = new List<string>();
            if (Array(element, name, field, required) is not { } array)
                return texts;
            if (nonEmpty && array.GetArrayLength() == 0)
                Add(CatalogueProblemKind.Missing, field);
            foreach (var (item, index) in array.EnumerateArray().Select((v, i) => (v, i)))
            {
                if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                    Add(CatalogueProblemKind.WrongType, $"{field}[{index.ToString(CultureInfo.InvariantCulture)}]", "a text");
                else
                    texts.Add(item.GetString()!.Trim());
            }
            return texts;
        }

        private static IEnumerable<JsonElement> Items(JsonElement? array) =>
            array is { } items ? items.EnumerateArray() : [];

        private void UnknownFields(JsonElement element, HashSet<string> known, string prefix)
        {
            foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name)))
                Add(CatalogueProblemKind.UnknownField, prefix + property.Name);
        }

        private void Add(CatalogueProblemKind kind, string field, string? value = null)
        {
            if (_problems.Count < MaxProblems)
                _problems.Add(new CatalogueProblem(kind, _set, _code, field, value));
        }
    }

    private sealed record Vocabulary(HashSet<string> Sections, HashSet<string> AppliesTo, HashSet<string> Kinds);
}
