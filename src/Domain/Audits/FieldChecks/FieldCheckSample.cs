using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Contracts.Evidence;

namespace Portal.Domain.Audits.FieldChecks;

/// <summary>Who did something on a field check: the account's id and the name shown.</summary>
public sealed record FieldCheckActor(string UserId, string Name);

/// <summary>A requirement a sampled location is checked against: the covering contract (id and reference), the catalogue key and its text as drawn.</summary>
public sealed record FieldCheckRequirement(Guid ContractId, string ContractReference, string SetId, string Code, string Text);

/// <summary>What the sample keeps of a drawn location besides its key and stratum: its id, name and address, and the requirements its checklist asks.</summary>
public sealed record SampledLocationDetails(Guid ChargeLocationId, string Name, string Address, IReadOnlyList<FieldCheckRequirement> Requirements);

/// <summary>What a sample was drawn over: one municipality's contracts, or one contract (of that municipality).</summary>
public sealed record FieldCheckScope(Guid MunicipalityId, Guid? ContractId);

/// <summary>The result of one item of a checklist (stored by name).</summary>
public enum FieldCheckResult
{
    Pass,
    Fail,
    NotApplicable,
}

/// <summary>An entry in a sample's history (stored by name).</summary>
public enum FieldCheckChangeKind
{
    Drawn,
    ItemFilled,
    PhotoAdded,
    Completed,
}

/// <summary>
/// A stratified sample of charge locations for a field audit (ElaadNL G-4), drawn by an officer with a recorded seed
/// (<see cref="StratifiedSampling"/>), so anyone can draw it again from the same population. Each sampled location
/// carries a checklist of the field-audit requirements of the contracts covering it, filled in on site; a completed
/// checklist is frozen and its failed items become contract findings. Every step is an entry in the history.
/// </summary>
public sealed class FieldCheckSample
{
    private readonly List<FieldCheckStratum> _strata = [];
    private readonly List<SampledLocation> _locations = [];
    private readonly List<FieldCheckChange> _history = [];

    private FieldCheckSample() { }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }

    /// <summary>The contract the sample was limited to; null for all the municipality's contracts.</summary>
    public Guid? ContractId { get; private set; }
    public int Requested { get; private set; }
    public int PopulationSize { get; private set; }

    /// <summary>The seed's 64 bits as stored; <see cref="SeedValue"/> is the number the officer sees and types.</summary>
    public long Seed { get; private set; }
    public DateTime DrawnAtUtc { get; private set; }
    public string DrawnByUserId { get; private set; } = "";
    public string DrawnByName { get; private set; } = "";

    public ulong SeedValue => unchecked((ulong)Seed);
    public IReadOnlyList<FieldCheckStratum> Strata => _strata;
    public IReadOnlyList<SampledLocation> Locations => _locations;
    public IReadOnlyList<FieldCheckChange> History => _history;

    /// <summary>Records a drawn sample; <paramref name="details"/> names every drawn location by its key.</summary>
    public static FieldCheckSample Record(FieldCheckScope scope, DrawnSample drawn, IReadOnlyDictionary<string, SampledLocationDetails> details, FieldCheckActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(drawn);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        if (drawn.Units.Count == 0)
            throw new DomainRuleViolated(DomainRule.FieldCheckPopulationEmpty, "No covered charge location to draw from.");
        var sample = new FieldCheckSample
        {
            Id = Guid.NewGuid(),
            MunicipalityId = scope.MunicipalityId,
            ContractId = scope.ContractId,
            Requested = drawn.Requested,
            PopulationSize = drawn.PopulationSize,
            Seed = unchecked((long)drawn.Seed),
            DrawnAtUtc = nowUtc,
            DrawnByUserId = actor.UserId,
            DrawnByName = actor.Name,
        };
        sample._strata.AddRange(drawn.Strata.Select(s => new FieldCheckStratum(s)));
        var position = 0;
        foreach (var unit in drawn.Units)
        {
            var detail = details.TryGetValue(unit.Key, out var found) ? found : throw new ArgumentException($"No details for {unit.Key}.", nameof(details));
            sample._locations.Add(SampledLocation.Create(++position, unit, detail));
        }
        sample.Record(FieldCheckChangeKind.Drawn, null, actor, nowUtc,
            string.Create(CultureInfo.InvariantCulture, $"seed {drawn.Seed}; {drawn.Units.Count} of {drawn.PopulationSize} (asked {drawn.Requested})"));
        return sample;
    }

    public int CompletedCount => _locations.Count(l => l.IsCompleted);

    public SampledLocation Location(int position) =>
        _locations.SingleOrDefault(l => l.Position == position) ?? throw new DomainRuleViolated("Not a location of this sample.");

    /// <summary>Fills in one item of a location's checklist (again, until the checklist is completed). A failed item needs a note saying what is wrong.</summary>
    public void Fill(int position, int itemNumber, FieldCheckResult result, string? note, FieldCheckActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var location = Open(position);
        var item = location.Item(itemNumber);
        item.Fill(result, note, actor, nowUtc);
        Record(FieldCheckChangeKind.ItemFilled, location.Position, actor, nowUtc, $"{item.SetId} {item.Code}: {result}{(item.Note is null ? "" : $"; {item.Note}")}");
    }

    /// <summary>Adds a photo to a location's checklist (to one item, or to the location as a whole) while it is open.</summary>
    public FieldCheckPhoto AddPhoto(int position, int? itemNumber, FieldCheckFile file, FieldCheckActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(actor);
        var location = Open(position);
        if (itemNumber is { } number)
            location.Item(number);
        var photo = FieldCheckPhoto.Create(itemNumber, file, actor, nowUtc);
        location.Add(photo);
        Record(FieldCheckChangeKind.PhotoAdded, location.Position, actor, nowUtc, photo.FileName);
        return photo;
    }

    /// <summary>
    /// Completes a location's checklist once every item has a result: from now on it is frozen. Returns a finding for
    /// each failed item, addressed to the contract whose requirement it is.
    /// </summary>
    public IReadOnlyList<ContractFinding> Complete(int position, FieldCheckActor actor, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var location = Open(position);
        var open = location.Items.Where(i => i.Result is null).ToList();
        if (open.Count > 0)
            throw new DomainRuleViolated(DomainRule.FieldCheckUnanswered, $"{open.Count} items have no result yet.", open.Count);
        location.Complete(actor, nowUtc);
        var failed = location.Items.Where(i => i.Result == FieldCheckResult.Fail).ToList();
        Record(FieldCheckChangeKind.Completed, location.Position, actor, nowUtc, string.Create(CultureInfo.InvariantCulture, $"{location.Items.Count} items, {failed.Count} failed"));
        return failed.Select(item => ContractFinding.FieldCheckFailed(Id, location, item, today, nowUtc)).ToList();
    }

    private SampledLocation Open(int position)
    {
        var location = Location(position);
        if (location.IsCompleted)
            throw new DomainRuleViolated(DomainRule.FieldCheckCompleted, "This checklist was completed and no longer changes.");
        return location;
    }

    private void Record(FieldCheckChangeKind kind, int? position, FieldCheckActor actor, DateTime nowUtc, string detail) =>
        _history.Add(new FieldCheckChange(Id, position, kind, actor, nowUtc, detail));
}

/// <summary>A stratum of a sample as drawn: its key, its number of locations and the number drawn from it.</summary>
public sealed class FieldCheckStratum
{
    private FieldCheckStratum() { }

    internal FieldCheckStratum(StratumAllocation allocation)
    {
        Cpo = allocation.Key.Cpo;
        District = allocation.Key.District;
        PowerClass = allocation.Key.PowerClass;
        Size = allocation.Size;
        Allocated = allocation.Allocated;
    }

    public long Id { get; private set; }
    public Guid SampleId { get; private set; }
    public string Cpo { get; private set; } = "";
    public string District { get; private set; } = "";
    public string PowerClass { get; private set; } = "";
    public int Size { get; private set; }
    public int Allocated { get; private set; }
}

/// <summary>A drawn location with its checklist, its photos, and who completed it when.</summary>
public sealed class SampledLocation
{
    public const int MaxKeyLength = 120, MaxTextLength = 300;

    private readonly List<FieldCheckItem> _items = [];
    private readonly List<FieldCheckPhoto> _photos = [];

    private SampledLocation() { }

    public long Id { get; private set; }
    public Guid SampleId { get; private set; }

    /// <summary>The order it was drawn in (1 first).</summary>
    public int Position { get; private set; }
    public Guid ChargeLocationId { get; private set; }
    public string LocationKey { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Cpo { get; private set; } = "";
    public string District { get; private set; } = "";
    public string PowerClass { get; private set; } = "";
    public DateTime? CompletedAtUtc { get; private set; }
    public string? CompletedByUserId { get; private set; }
    public string? CompletedByName { get; private set; }
    public IReadOnlyList<FieldCheckItem> Items => _items;
    public IReadOnlyList<FieldCheckPhoto> Photos => _photos;

    public bool IsCompleted => CompletedAtUtc is not null;

    internal static SampledLocation Create(int position, SampleUnit unit, SampledLocationDetails details)
    {
        var location = new SampledLocation
        {
            Position = position,
            ChargeLocationId = details.ChargeLocationId,
            LocationKey = unit.Key,
            Name = Cut(details.Name),
            Address = Cut(details.Address),
            Cpo = unit.Stratum.Cpo,
            District = unit.Stratum.District,
            PowerClass = unit.Stratum.PowerClass,
        };
        location._items.AddRange(details.Requirements
            .OrderBy(r => r.SetId, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.ContractReference, StringComparer.Ordinal)
            .Select((r, i) => FieldCheckItem.Create(i + 1, r)));
        return location;
    }

    internal FieldCheckItem Item(int number) =>
        _items.SingleOrDefault(i => i.Number == number) ?? throw new DomainRuleViolated("Not an item of this checklist.");

    internal void Add(FieldCheckPhoto photo) => _photos.Add(photo);

    internal void Complete(FieldCheckActor actor, DateTime nowUtc)
    {
        CompletedAtUtc = nowUtc;
        CompletedByUserId = actor.UserId;
        CompletedByName = actor.Name;
    }

    private static string Cut(string text) => text.Length > MaxTextLength ? text[..MaxTextLength] : text;
}

/// <summary>One line of a checklist: a field-audit requirement of a covering contract, its result and a note, and who filled it in when.</summary>
public sealed class FieldCheckItem
{
    public const int MaxNoteLength = 1000, MaxTextLength = 2000;

    private FieldCheckItem() { }

    public long Id { get; private set; }
    public long SampledLocationId { get; private set; }

    /// <summary>Its number on the checklist (1 first).</summary>
    public int Number { get; private set; }
    public Guid ContractId { get; private set; }
    public string ContractReference { get; private set; } = "";
    public string SetId { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Text { get; private set; } = "";
    public FieldCheckResult? Result { get; private set; }
    public string? Note { get; private set; }
    public DateTime? FilledAtUtc { get; private set; }
    public string? FilledByUserId { get; private set; }
    public string? FilledByName { get; private set; }

    internal static FieldCheckItem Create(int number, FieldCheckRequirement requirement) => new()
    {
        Number = number,
        ContractId = requirement.ContractId,
        ContractReference = requirement.ContractReference,
        SetId = requirement.SetId,
        Code = requirement.Code,
        Text = requirement.Text.Length > MaxTextLength ? requirement.Text[..MaxTextLength] : requirement.Text,
    };

    internal void Fill(FieldCheckResult result, string? note, FieldCheckActor actor, DateTime nowUtc)
    {
        if (!Enum.IsDefined(result))
            throw new DomainRuleViolated("Not a result of a checklist item.");
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > MaxNoteLength })
            throw new DomainRuleViolated(DomainRule.FieldCheckNoteTooLong, $"A note has at most {MaxNoteLength} characters.", MaxNoteLength);
        if (result == FieldCheckResult.Fail && text is null)
            throw new DomainRuleViolated(DomainRule.FieldCheckFailNeedsNote, "Say what is wrong when an item fails.");
        Result = result;
        Note = text;
        FilledAtUtc = nowUtc;
        FilledByUserId = actor.UserId;
        FilledByName = actor.Name;
    }
}

/// <summary>The stored photo: the name it was sent with, the type found in its bytes, its size and key.</summary>
public sealed record FieldCheckFile(string FileName, string ContentType, long SizeBytes, string StorageKey);

/// <summary>A photo taken on site, kept in the document store under <see cref="StorageKey"/>; never removed, like the history.</summary>
public sealed class FieldCheckPhoto
{
    public const int MaxFileNameLength = 200;
    public const long MaxSizeBytes = 10 * 1024 * 1024;

    private FieldCheckPhoto() { }

    public Guid Id { get; private set; }
    public long SampledLocationId { get; private set; }

    /// <summary>The checklist item it shows (<see cref="FieldCheckItem.Number"/>); null for the location as a whole.</summary>
    public int? ItemNumber { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = "";
    public string UploadedByUserId { get; private set; } = "";
    public string UploadedByName { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }

    internal static FieldCheckPhoto Create(int? itemNumber, FieldCheckFile file, FieldCheckActor actor, DateTime nowUtc)
    {
        StoredUpload.Check(file.SizeBytes, MaxSizeBytes, file.StorageKey);
        var name = StoredUpload.DisplayName(file.FileName, "foto", MaxFileNameLength);
        return new FieldCheckPhoto
        {
            Id = Guid.NewGuid(),
            ItemNumber = itemNumber,
            FileName = name,
            ContentType = file.ContentType,
            SizeBytes = file.SizeBytes,
            StorageKey = file.StorageKey,
            UploadedByUserId = actor.UserId,
            UploadedByName = actor.Name,
            UploadedAtUtc = nowUtc,
        };
    }
}

/// <summary>An entry in a sample's append-only history: what happened, to which location, by whom and when.</summary>
public sealed class FieldCheckChange
{
    public const int MaxDetailLength = 1200;

    private FieldCheckChange() { }

    internal FieldCheckChange(Guid sampleId, int? position, FieldCheckChangeKind kind, FieldCheckActor actor, DateTime atUtc, string detail)
    {
        SampleId = sampleId;
        Position = position;
        Kind = kind;
        ByUserId = actor.UserId;
        ByName = actor.Name;
        AtUtc = atUtc;
        Detail = detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail;
    }

    public long Id { get; private set; }
    public Guid SampleId { get; private set; }

    /// <summary>The sampled location it concerns (<see cref="SampledLocation.Position"/>); null for the sample as a whole.</summary>
    public int? Position { get; private set; }
    public FieldCheckChangeKind Kind { get; private set; }
    public string ByUserId { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string Detail { get; private set; } = "";
}
