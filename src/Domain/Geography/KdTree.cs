namespace Portal.Domain.Geography;

/// <summary>
/// A static 2-d tree over flat coordinate arrays: the points are reordered in place so that every
/// range's middle element splits it on alternating axes, down to buckets that are scanned linearly.
/// No node objects, so building and querying hardly allocate.
/// </summary>
internal sealed class KdTree
{
    private const int BucketSize = 64;

    private readonly int[] _ids;
    private readonly double[] _xs;
    private readonly double[] _ys;

    public KdTree(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        _xs = xs.ToArray();
        _ys = ys.ToArray();
        _ids = new int[_xs.Length];
        for (var i = 0; i < _ids.Length; i++)
            _ids[i] = i;
        Split(0, _ids.Length - 1, 0);
    }

    public int Count => _ids.Length;

    /// <summary>Adds the index of every point with minX &lt;= x &lt;= maxX and minY &lt;= y &lt;= maxY.</summary>
    public void Range(double minX, double minY, double maxX, double maxY, List<int> result)
    {
        Span<int> stack = stackalloc int[3 * 128];
        var top = 0;
        Push(stack, ref top, 0, _ids.Length - 1, 0);
        while (top > 0)
        {
            var axis = stack[--top];
            var right = stack[--top];
            var left = stack[--top];
            if (right - left <= BucketSize)
            {
                for (var i = left; i <= right; i++)
                {
                    if (_xs[i] >= minX && _xs[i] <= maxX && _ys[i] >= minY && _ys[i] <= maxY)
                        result.Add(_ids[i]);
                }
                continue;
            }

            var middle = (left + right) >> 1;
            var x = _xs[middle];
            var y = _ys[middle];
            if (x >= minX && x <= maxX && y >= minY && y <= maxY)
                result.Add(_ids[middle]);
            if (axis == 0 ? minX <= x : minY <= y)
                Push(stack, ref top, left, middle - 1, 1 - axis);
            if (axis == 0 ? maxX >= x : maxY >= y)
                Push(stack, ref top, middle + 1, right, 1 - axis);
        }
    }

    /// <summary>Adds the index of every point at most <paramref name="radius"/> from (qx, qy).</summary>
    public void Within(double qx, double qy, double radius, List<int> result)
    {
        var radiusSquared = radius * radius;
        Span<int> stack = stackalloc int[3 * 128];
        var top = 0;
        Push(stack, ref top, 0, _ids.Length - 1, 0);
        while (top > 0)
        {
            var axis = stack[--top];
            var right = stack[--top];
            var left = stack[--top];
            if (right - left <= BucketSize)
            {
                for (var i = left; i <= right; i++)
                {
                    if (SquaredDistance(_xs[i], _ys[i], qx, qy) <= radiusSquared)
                        result.Add(_ids[i]);
                }
                continue;
            }

            var middle = (left + right) >> 1;
            var x = _xs[middle];
            var y = _ys[middle];
            if (SquaredDistance(x, y, qx, qy) <= radiusSquared)
                result.Add(_ids[middle]);
            if (axis == 0 ? qx - radius <= x : qy - radius <= y)
                Push(stack, ref top, left, middle - 1, 1 - axis);
            if (axis == 0 ? qx + radius >= x : qy + radius >= y)
                Push(stack, ref top, middle + 1, right, 1 - axis);
        }
    }

    private static double SquaredDistance(double ax, double ay, double bx, double by)
    {
        var dx = ax - bx;
        var dy = ay - by;
        return (dx * dx) + (dy * dy);
    }

    private static void Push(Span<int> stack, ref int top, int left, int right, int axis)
    {
        if (left > right)
            return;
        stack[top++] = left;
        stack[top++] = right;
        stack[top++] = axis;
    }

    private void Split(int left, int right, int axis)
    {
        if (right - left <= BucketSize)
            return;
        var middle = (left + right) >> 1;
        Select(middle, left, right, axis == 0 ? _xs : _ys);
        Split(left, middle - 1, 1 - axis);
        Split(middle + 1, right, 1 - axis);
    }

    // Quickselect with a median-of-three pivot and two-sided partitioning, which stays balanced on the
    // many identical coordinates of real data (several charge points at one site).
    private void Select(int k, int left, int right, double[] keys)
    {
        while (right > left)
        {
            var mid = left + ((right - left) >> 1);
            if (keys[mid] < keys[left])
                Swap(mid, left);
            if (keys[right] < keys[left])
                Swap(right, left);
            if (keys[right] < keys[mid])
                Swap(right, mid);
            var pivot = keys[mid];

            var i = left;
            var j = right;
            while (i <= j)
            {
                while (keys[i] < pivot)
                    i++;
                while (keys[j] > pivot)
                    j--;
                if (i <= j)
                {
                    Swap(i, j);
                    i++;
                    j--;
                }
            }

            if (k <= j)
                right = j;
            else if (k >= i)
                left = i;
            else
                return;
        }
    }

    private void Swap(int a, int b)
    {
        (_ids[a], _ids[b]) = (_ids[b], _ids[a]);
        (_xs[a], _xs[b]) = (_xs[b], _xs[a]);
        (_ys[a], _ys[b]) = (_ys[b], _ys[a]);
    }
}
