using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;

namespace Portal.Domain.Geography;

/// <summary>
/// In-memory spatial index over RD New metres, built on NetTopologySuite's STR-tree. It is
/// immutable once built, so concurrent queries are safe; callers rebuild it when entries change.
/// Distances are Euclidean on RD (see <see cref="Coordinate.DistanceTo"/>).
/// </summary>
public sealed class SpatialIndex<T>
{
    private readonly T[] _items;
    private readonly Coordinate[] _positions;
    private readonly STRtree<int> _tree = new();
    private readonly Envelope _bounds = new();

    public SpatialIndex(IEnumerable<(T Item, Coordinate Position)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        _items = new T[list.Count];
        _positions = new Coordinate[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            _items[i] = list[i].Item;
            _positions[i] = list[i].Position;
            var envelope = new Envelope(list[i].Position.X, list[i].Position.X, list[i].Position.Y, list[i].Position.Y);
            _tree.Insert(envelope, i);
            _bounds.ExpandToInclude(envelope);
        }
        // The STR-tree builds itself lazily on the first query, which is not thread-safe; build it here.
        _tree.Build();
    }

    public int Count => _items.Length;

    /// <summary>Every entry within <paramref name="radiusMetres"/> (inclusive) of <paramref name="centre"/>, nearest first; ties keep insertion order.</summary>
    public IReadOnlyList<Neighbour<T>> Within(Coordinate centre, double radiusMetres)
    {
        if (double.IsNaN(radiusMetres) || radiusMetres < 0)
            throw new ArgumentOutOfRangeException(nameof(radiusMetres), radiusMetres, "The radius must be zero or more metres.");
        var found = Collect(centre, radiusMetres);
        found.Sort();
        return ToNeighbours(found, found.Count);
    }

    /// <summary>The <paramref name="count"/> nearest entries, nearest first, none further than <paramref name="maxDistanceMetres"/>; ties keep insertion order.</summary>
    public IReadOnlyList<Neighbour<T>> Nearest(Coordinate centre, int count, double maxDistanceMetres = double.PositiveInfinity)
    {
        if (count < 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, "Ask for at least one neighbour.");
        if (double.IsNaN(maxDistanceMetres) || maxDistanceMetres < 0)
            throw new ArgumentOutOfRangeException(nameof(maxDistanceMetres), maxDistanceMetres, "The maximum distance must be zero or more metres.");
        if (_items.Length == 0)
            return [];

        // Search a growing circle: once it holds `count` entries, no entry outside it can be nearer.
        // Start at half the radius that would hold `count` entries if they were spread evenly (real entries
        // crowd into towns, where the even-spread radius would collect hundreds), then grow by what the last
        // circle says about the local density.
        var everything = DistanceToFarthestCorner(centre);
        var evenSpread = Math.Sqrt(_bounds.Area * count / (Math.PI * _items.Length));
        var radius = Math.Max(1.0, evenSpread / 2) + _bounds.Distance(new Envelope(centre.X, centre.X, centre.Y, centre.Y));
        while (true)
        {
            var limit = Math.Min(radius, maxDistanceMetres);
            var found = Collect(centre, limit);
            if (found.Count >= count || limit >= maxDistanceMetres || limit >= everything)
            {
                found.Sort();
                return ToNeighbours(found, Math.Min(count, found.Count));
            }
            radius *= found.Count == 0 ? 2 : Math.Clamp(Math.Sqrt((double)count / found.Count) * 1.25, 1.25, 4);
        }
    }

    private List<Hit> Collect(Coordinate centre, double radius)
    {
        var visitor = new CircleVisitor(_positions, centre, radius);
        _tree.Query(new Envelope(centre.X - radius, centre.X + radius, centre.Y - radius, centre.Y + radius), visitor);
        return visitor.Hits;
    }

    private List<Neighbour<T>> ToNeighbours(List<Hit> hits, int take)
    {
        var result = new List<Neighbour<T>>(take);
        for (var i = 0; i < take; i++)
            result.Add(new Neighbour<T>(_items[hits[i].Index], _positions[hits[i].Index], hits[i].Distance));
        return result;
    }

    private double DistanceToFarthestCorner(Coordinate centre)
    {
        var dx = Math.Max(Math.Abs(centre.X - _bounds.MinX), Math.Abs(centre.X - _bounds.MaxX));
        var dy = Math.Max(Math.Abs(centre.Y - _bounds.MinY), Math.Abs(centre.Y - _bounds.MaxY));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    private readonly record struct Hit(double Distance, int Index) : IComparable<Hit>
    {
        public int CompareTo(Hit other)
        {
            var byDistance = Distance.CompareTo(other.Distance);
            return byDistance != 0 ? byDistance : Index.CompareTo(other.Index);
        }
    }

    private sealed class CircleVisitor(Coordinate[] positions, Coordinate centre, double radius) : IItemVisitor<int>
    {
        public List<Hit> Hits { get; } = [];

        public void VisitItem(int item)
        {
            // The same formula as Coordinate.DistanceTo, so a query agrees with it exactly at the boundary.
            var distance = centre.DistanceTo(positions[item]);
            if (distance <= radius)
                Hits.Add(new Hit(distance, item));
        }
    }
}
