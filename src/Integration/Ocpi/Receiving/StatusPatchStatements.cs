using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Domain.ChargePoints;
using Portal.Domain.Operators;
using Portal.Integration.Ocpi.Receiving.Bulk;
using Portal.Integration.Persistence;
using EvseRow = Portal.Domain.ChargePoints.Evse;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// The three updates of the status writer as commands with parameters, past EF Core's query pipeline:
/// made once per batch on the context's connection and transaction and run once per location or EVSE
/// with only the values changed. Tables, columns and value conversions come from the model, the quoting
/// from the provider's <see cref="SqlDialect"/>.
/// </summary>
internal sealed class StatusPatchStatements : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<(IModel, string), Texts> TextsByModel = new();

    private readonly Statement _snapshot;
    private readonly Statement _location;
    private readonly Statement _evse;
    private readonly bool _inProcess;

    private StatusPatchStatements(Statement snapshot, Statement location, Statement evse, bool inProcess)
    {
        _snapshot = snapshot;
        _location = location;
        _evse = evse;
        _inProcess = inProcess;
    }

    public static StatusPatchStatements Prepare(PortalDbContext db, DbTransaction transaction)
    {
        var provider = db.Database.ProviderName ?? "";
        var texts = TextsByModel.GetOrAdd((db.Model, provider), key => Texts.Of(key.Item1, key.Item2));
        var connection = db.Database.GetDbConnection();
        return new StatusPatchStatements(
            new Statement(connection, transaction, texts.Snapshot, texts.SnapshotParameters),
            new Statement(connection, transaction, texts.Location, texts.LocationParameters),
            new Statement(connection, transaction, texts.Evse, texts.EvseParameters),
            provider.Contains("Sqlite", StringComparison.Ordinal));
    }

    /// <summary>The snapshot's new JSON, only where it still holds <paramref name="before"/>; the rows changed (0 or 1).</summary>
    public Task<int> UpdateSnapshotAsync(string sourceId, string before, string json, DateTime lastUpdatedUtc, DateTime nowUtc, CancellationToken ct) =>
        _snapshot.ExecuteAsync(_inProcess, ct, json, lastUpdatedUtc, nowUtc, sourceId, before);

    /// <summary>The location's summary; its operator is the party's registered one when it has none yet.</summary>
    public Task<int> UpdateLocationAsync(Guid id, LocationStatus status, bool isPlanned, DateTime lastUpdatedUtc, DateTime nowUtc, OcpiPartyId? party, CancellationToken ct) =>
        _location.ExecuteAsync(_inProcess, ct, status, isPlanned, lastUpdatedUtc, nowUtc, party, id);

    public Task<int> UpdateEvseAsync(long id, EvseStatus status, DateTime? lastUpdatedUtc, CancellationToken ct) =>
        _evse.ExecuteAsync(_inProcess, ct, status, lastUpdatedUtc, id);

    public async ValueTask DisposeAsync()
    {
        await _snapshot.DisposeAsync();
        await _location.DisposeAsync();
        await _evse.DisposeAsync();
    }

    /// <summary>The statements' texts for one model and provider, with the properties whose mappings their parameters take, in order.</summary>
    private sealed record Texts(string Snapshot, IProperty[] SnapshotParameters, string Location, IProperty[] LocationParameters, string Evse, IProperty[] EvseParameters)
    {
        public static Texts Of(IModel model, string provider)
        {
            var sqlServer = provider.Contains("SqlServer", StringComparison.Ordinal);
            var dialect = sqlServer ? SqlDialect.SqlServer : provider.Contains("Npgsql", StringComparison.Ordinal) ? SqlDialect.Postgres : SqlDialect.Sqlite;
            var snapshot = Entity<OcpiLocationSnapshot>(model, dialect);
            var location = Entity<ChargeLocation>(model, dialect);
            var evse = Entity<EvseRow>(model, dialect);
            var operators = Entity<OperatorOrganisation>(model, dialect);

            var snapshotText = $"UPDATE {snapshot.Table} SET {snapshot.Column(nameof(OcpiLocationSnapshot.RawJson))} = @p0, "
                + $"{snapshot.Column(nameof(OcpiLocationSnapshot.LastUpdatedUtc))} = @p1, {snapshot.Column(nameof(OcpiLocationSnapshot.ReceivedAtUtc))} = @p2 "
                + $"WHERE {snapshot.Column(nameof(OcpiLocationSnapshot.LocationSourceId))} = @p3 AND {snapshot.Column(nameof(OcpiLocationSnapshot.RawJson))} = @p4";
            var partyOperator = sqlServer
                ? $"SELECT TOP 1 {operators.Column(nameof(OperatorOrganisation.Id))} FROM {operators.Table} WHERE {operators.Column(nameof(OperatorOrganisation.PartyId))} = @p4"
                : $"SELECT {operators.Column(nameof(OperatorOrganisation.Id))} FROM {operators.Table} WHERE {operators.Column(nameof(OperatorOrganisation.PartyId))} = @p4 LIMIT 1";
            var operatorId = location.Column(nameof(ChargeLocation.OperatorId));
            var locationText = $"UPDATE {location.Table} SET {location.Column(nameof(ChargeLocation.Status))} = @p0, {location.Column(nameof(ChargeLocation.IsPlanned))} = @p1, "
                + $"{location.Column(nameof(ChargeLocation.LastUpdatedUtc))} = @p2, {location.Column(nameof(ChargeLocation.ImportedAtUtc))} = @p3, "
                + $"{operatorId} = COALESCE({operatorId}, ({partyOperator})) WHERE {location.Column(nameof(ChargeLocation.Id))} = @p5";
            var evseText = $"UPDATE {evse.Table} SET {evse.Column(nameof(EvseRow.Status))} = @p0, {evse.Column(nameof(EvseRow.LastUpdatedUtc))} = @p1 WHERE {evse.Column(nameof(EvseRow.Id))} = @p2";
            return new Texts(
                snapshotText,
                snapshot.Properties(nameof(OcpiLocationSnapshot.RawJson), nameof(OcpiLocationSnapshot.LastUpdatedUtc), nameof(OcpiLocationSnapshot.ReceivedAtUtc), nameof(OcpiLocationSnapshot.LocationSourceId), nameof(OcpiLocationSnapshot.RawJson)),
                locationText,
                [.. location.Properties(nameof(ChargeLocation.Status), nameof(ChargeLocation.IsPlanned), nameof(ChargeLocation.LastUpdatedUtc), nameof(ChargeLocation.ImportedAtUtc)),
                    .. operators.Properties(nameof(OperatorOrganisation.PartyId)), .. location.Properties(nameof(ChargeLocation.Id))],
                evseText,
                evse.Properties(nameof(EvseRow.Status), nameof(EvseRow.LastUpdatedUtc), nameof(EvseRow.Id)));
        }

        private static MappedEntity Entity<T>(IModel model, SqlDialect dialect)
        {
            var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            var name = type.GetTableName()!;
            var schema = type.GetSchema();
            return new MappedEntity(type, StoreObjectIdentifier.Table(name, schema), schema is null ? dialect.Quote(name) : $"{dialect.Quote(schema)}.{dialect.Quote(name)}", dialect);
        }
    }

    private sealed record MappedEntity(IEntityType Type, StoreObjectIdentifier Store, string Table, SqlDialect Dialect)
    {
        public string Column(string property) => Dialect.Quote(Property(property).GetColumnName(Store)!);

        public IProperty[] Properties(params string[] names) => [.. names.Select(Property)];

        private IProperty Property(string name) => Type.FindProperty(name) ?? throw new InvalidOperationException($"{Type.DisplayName()} has no property {name}.");
    }

    /// <summary>One command, prepared with its parameters' types from the model's mappings; each run sets only the values.</summary>
    private sealed class Statement : IAsyncDisposable
    {
        private readonly DbCommand _command;
        private readonly RelationalTypeMapping[] _mappings;

        public Statement(DbConnection connection, DbTransaction transaction, string text, IProperty[] parameters)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = text;
            _mappings = new RelationalTypeMapping[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                _mappings[i] = (RelationalTypeMapping)parameters[i].GetRelationalTypeMapping();
                _command.Parameters.Add(_mappings[i].CreateParameter(_command, "@p" + i.ToString(CultureInfo.InvariantCulture), null, parameters[i].IsNullable));
            }
        }

        public async Task<int> ExecuteAsync(bool inProcess, CancellationToken ct, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
                _command.Parameters[i].Value = (_mappings[i].Converter is { } converter && values[i] is not null ? converter.ConvertToProvider(values[i]) : values[i]) ?? DBNull.Value;
            // SQLite runs in the process: its async call is the sync one wrapped in a task.
            return inProcess ? _command.ExecuteNonQuery() : await _command.ExecuteNonQueryAsync(ct);
        }

        public ValueTask DisposeAsync() => _command.DisposeAsync();
    }
}
