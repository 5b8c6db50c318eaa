using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Domain.Applications;
using Portal.Domain.ChargePoints;
using Portal.Domain.Municipalities;
using Portal.Domain.Spots;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Ocpi.Receiving;

namespace Portal.Integration.Changes;

/// <summary>
/// Tells <see cref="LiveChanges"/> which topics a successful SaveChanges touched, from the types of the
/// entities it added, changed or removed. Because every save passes here, no writer can forget to
/// signal; bulk statements (ExecuteUpdate) do not pass here and signal nothing.
/// </summary>
public sealed class ChangeSignalInterceptor(LiveChanges changes) : SaveChangesInterceptor
{
    private static readonly Dictionary<Type, ChangeTopic[]> TopicsByRootType = new()
    {
        [typeof(Municipality)] = [ChangeTopic.Municipalities],
        [typeof(Application)] = [ChangeTopic.Applications],
        [typeof(Spot)] = [ChangeTopic.Spots],
        [typeof(ChargeLocation)] = [ChangeTopic.ChargePoints],
        [typeof(Evse)] = [ChangeTopic.ChargePoints],
        [typeof(EvseStatusEvent)] = [ChangeTopic.ChargePoints, ChangeTopic.OcpiConnections],
        [typeof(OcpiLocationSnapshot)] = [ChangeTopic.OcpiConnections],
        [typeof(OcpiConnection)] = [ChangeTopic.OcpiConnections],
        [typeof(OcpiPartnerEndpoint)] = [ChangeTopic.OcpiConnections],
        [typeof(OcpiPullRun)] = [ChangeTopic.OcpiConnections],
        [typeof(OcpiPullCheckpoint)] = [ChangeTopic.OcpiConnections],
        [typeof(ChargingProfileRequest)] = [ChangeTopic.OcpiConnections],
        [typeof(ActiveChargingProfileUpdate)] = [ChangeTopic.OcpiConnections],
    };

    /// <summary>
    /// Rows of these types were written past SaveChanges (a bulk insert): marks their topics as a save of
    /// them would, through the interceptor the context was built with (none: nothing to tell).
    /// </summary>
    public static void Wrote(DbContext context, IEnumerable<Type> entityTypes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entityTypes);
        var options = ((Microsoft.EntityFrameworkCore.Infrastructure.IInfrastructure<IServiceProvider>)context).Instance
            .GetService(typeof(Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions)) as Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions;
        var interceptor = options?.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?.OfType<ChangeSignalInterceptor>().FirstOrDefault();
        interceptor?.Mark(entityTypes.SelectMany(t => TopicsByRootType.GetValueOrDefault(t, [])).Distinct().ToList());
    }

    private void Mark(IReadOnlyCollection<ChangeTopic> topics)
    {
        if (topics.Count > 0)
            changes.MarkChanged(topics);
    }

    // What the save is about to write, kept per context between SavingChanges and SavedChanges.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, HashSet<ChangeTopic>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Signal(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The topics an entity belongs to: its own type's, else those of the entity it is part of (an owned
    /// type's owner, or the principal of its foreign keys: a spot's history entry belongs to Spots).
    /// </summary>
    public static IReadOnlyList<ChangeTopic> TopicsOf(EntityEntry entry) => TopicsByEntityType.GetOrAdd(entry.Metadata, type => TopicsOf(type, depth: 0));

    private static readonly ConcurrentDictionary<IEntityType, ChangeTopic[]> TopicsByEntityType = new();

    private static ChangeTopic[] TopicsOf(IEntityType type, int depth)
    {
        if (TopicsByRootType.TryGetValue(type.ClrType, out var topics))
            return topics;
        if (depth > 3)
            return [];
        return [.. type.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(p => p != type)
            .SelectMany(p => TopicsOf(p, depth + 1)).Distinct()];
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
            return;
        var topics = new HashSet<ChangeTopic>();
        foreach (var entry in context.ChangeTracker.Entries())
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                topics.UnionWith(TopicsOf(entry));
        _pending.AddOrUpdate(context, topics);
    }

    private void Signal(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var topics))
        {
            _pending.Remove(context);
            changes.MarkChanged(topics);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
            _pending.Remove(context);
    }
}
