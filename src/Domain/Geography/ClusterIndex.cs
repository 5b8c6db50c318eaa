namespace Portal.Domain.Geography;

/// <summary>
/// Server-side point clustering for web-map zoom levels, hierarchical and greedy in the manner of the
/// 'supercluster' algorithm: the points are clustered at MaxZoom, those clusters (with weighted
/// centres) are clustered again one zoom level lower, and so on down to MinZoom, so every level costs
/// less than the one above it. Each level keeps its own k-d tree for viewport queries. Immutable once built.
/// </summary>
public sealed class ClusterIndex<T>
{
    private readonly MapPoint<T>[] _points;
    private readonly ClusterOptions _options;
    private readonly Level[] _levels;
    private readonly List<int> _childrenStart = [];
    private readonly List<long> _children = [];

    public ClusterIndex(IReadOnlyList<MapPoint<T>> points, ClusterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        _options = options ?? new ClusterOptions();
        _options.Validate();

        _points = new MapPoint<T>[points.Count];
        var xs = new double[points.Count];
        var ys = new double[points.Count];
        var ids = new long[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i] ?? throw new ArgumentNullException(nameof(points), "A point is missing.");
            if (!(point.Latitude is >= -90 and <= 90) || !(point.Longitude is >= -180 and <= 180))
                throw new ArgumentOutOfRangeException(nameof(points), point, "Latitude must lie in -90..90 and longitude in -180..180.");
            _points[i] = point;
            xs[i] = MercatorX(point.Longitude);
            ys[i] = MercatorY(point.Latitude);
            ids[i] = i;
        }

        _levels = new Level[_options.MaxZoom - _options.MinZoom + 2];
        var current = new Level(xs, ys, Enumerable.Repeat(1, points.Count).ToArray(), ids);
        _levels[^1] = current;
        for (var zoom = _options.MaxZoom; zoom >= _options.MinZoom; zoom--)
        {
            current = ClusterOneLevelDown(current, zoom);
            _levels[zoom - _options.MinZoom] = current;
        }
        _childrenStart.Add(_children.Count);
    }

    public int Count => _points.Length;

    /// <summary>The clusters and single points whose position lies in <paramref name="box"/> at <paramref name="zoom"/>, clamped to MinZoom..MaxZoom + 1.</summary>
    public IReadOnlyList<MapCluster<T>> Query(BoundingBox box, int zoom)
    {
        var level = _levels[Math.Clamp(zoom, _options.MinZoom, _options.MaxZoom + 1) - _options.MinZoom];
        var hits = new List<int>();
        // Mercator y grows southward, so the box's north edge is its smallest y.
        level.Tree.Range(MercatorX(box.MinLongitude), MercatorY(box.MaxLatitude), MercatorX(box.MaxLongitude), MercatorY(box.MinLatitude), hits);

        var result = new List<MapCluster<T>>(hits.Count);
        foreach (var hit in hits)
        {
            var id = level.Ids[hit];
            if (id < _points.Length)
            {
                var point = _points[id];
                result.Add(new MapCluster<T>(id, point.Latitude, point.Longitude, 1, point.Item));
            }
            else
            {
                result.Add(new MapCluster<T>(id, Latitude(level.Ys[hit]), Longitude(level.Xs[hit]), level.Counts[hit], default));
            }
        }
        return result;
    }

    /// <summary>Every input item inside the cluster (or the single point) with this id.</summary>
    public IReadOnlyList<T> Leaves(long clusterId)
    {
        var clusters = _childrenStart.Count - 1;
        if (clusterId < 0 || clusterId >= _points.Length + clusters)
            throw new ArgumentOutOfRangeException(nameof(clusterId), clusterId, "No cluster or point has this id.");

        var leaves = new List<T>();
        var pending = new Stack<long>();
        pending.Push(clusterId);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (id < _points.Length)
            {
                leaves.Add(_points[id].Item);
                continue;
            }
            var cluster = (int)(id - _points.Length);
            for (var i = _childrenStart[cluster + 1] - 1; i >= _childrenStart[cluster]; i--)
                pending.Push(_children[i]);
        }
        return leaves;
    }

    private Level ClusterOneLevelDown(Level above, int zoom)
    {
        // The radius in the unit square of Web Mercator: Radius pixels out of Extent * 2^zoom.
        var radius = _options.Radius / (_options.Extent * Math.Pow(2, zoom));
        var claimed = new bool[above.Count];
        var neighbours = new List<int>();
        var xs = new List<double>(above.Count);
        var ys = new List<double>(above.Count);
        var counts = new List<int>(above.Count);
        var ids = new List<long>(above.Count);

        for (var i = 0; i < above.Count; i++)
        {
            if (claimed[i])
                continue;
            claimed[i] = true;
            neighbours.Clear();
            above.Tree.Within(above.Xs[i], above.Ys[i], radius, neighbours);

            var own = above.Counts[i];
            var total = own;
            foreach (var j in neighbours)
            {
                if (!claimed[j])
                    total += above.Counts[j];
            }

            if (total > own && total >= _options.MinPoints)
            {
                var weightedX = above.Xs[i] * own;
                var weightedY = above.Ys[i] * own;
                _childrenStart.Add(_children.Count);
                _children.Add(above.Ids[i]);
                foreach (var j in neighbours)
                {
                    if (claimed[j])
                        continue;
                    claimed[j] = true;
                    weightedX += above.Xs[j] * above.Counts[j];
                    weightedY += above.Ys[j] * above.Counts[j];
                    _children.Add(above.Ids[j]);
                }
                xs.Add(weightedX / total);
                ys.Add(weightedY / total);
                counts.Add(total);
                ids.Add(_points.Length + _childrenStart.Count - 1);
                continue;
            }

            Keep(i);
            // Too few for a cluster: the neighbours stay single too, and are not offered to a later centre at this zoom.
            if (total > own)
            {
                foreach (var j in neighbours)
                {
                    if (claimed[j])
                        continue;
                    claimed[j] = true;
                    Keep(j);
                }
            }
        }
        return new Level(xs.ToArray(), ys.ToArray(), counts.ToArray(), ids.ToArray());

        void Keep(int index)
        {
            xs.Add(above.Xs[index]);
            ys.Add(above.Ys[index]);
            counts.Add(above.Counts[index]);
            ids.Add(above.Ids[index]);
        }
    }

    // Web Mercator on the unit square: x east from the antimeridian, y south from the top edge (85.05° N).
    private static double MercatorX(double longitude) => (longitude / 360) + 0.5;

    private static double MercatorY(double latitude)
    {
        var sin = Math.Sin(latitude * Math.PI / 180);
        var y = 0.5 - (0.25 * Math.Log((1 + sin) / (1 - sin)) / Math.PI);
        return Math.Clamp(y, 0, 1);
    }

    private static double Longitude(double x) => (x - 0.5) * 360;

    private static double Latitude(double y) => (Math.Atan(Math.Exp((0.5 - y) * 2 * Math.PI)) * 360 / Math.PI) - 90;

    private sealed class Level(double[] xs, double[] ys, int[] counts, long[] ids)
    {
        public double[] Xs { get; } = xs;
        public double[] Ys { get; } = ys;
        public int[] Counts { get; } = counts;
        public long[] Ids { get; } = ids;
        public KdTree Tree { get; } = new(xs, ys);
        public int Count => Xs.Length;
    }
}
