using System.Globalization;
using PdfSharp.Drawing;
using Portal.Domain.TrafficOrders.OrderTexts;

namespace Portal.Integration.TrafficOrders;

/// <summary>
/// A plain map of an order's locations: RD New metres projected straight onto the page at one scale for
/// both axes, a kilometre grid with its coordinates, each location a numbered dot, a scale bar and a north
/// arrow (RD's grid north is true north to within a degree and a half in the Netherlands).
/// </summary>
public static class LocationMap
{
    /// <summary>The least extent shown, so one location is drawn in its street rather than alone on an empty sheet.</summary>
    public const double MinimumExtentMetres = 300;

    private static readonly XColor Frame = XColor.FromArgb(0x40, 0x40, 0x40);
    private static readonly XColor Grid = XColor.FromArgb(0xD8, 0xD8, 0xD8);
    private static readonly XColor Dot = XColor.FromArgb(0xC8, 0x10, 0x2E);

    /// <summary>Where a point in RD metres falls on the page, and how many points one metre is.</summary>
    public sealed record Projection(double MinX, double MaxY, double PointsPerMetre, XRect Area)
    {
        public XPoint ToPage(double rdX, double rdY) => new(Area.X + ((rdX - MinX) * PointsPerMetre), Area.Y + ((MaxY - rdY) * PointsPerMetre));
    }

    /// <summary>The projection that fits every location into <paramref name="area"/> with a margin, centred, north up.</summary>
    public static Projection Fit(IReadOnlyList<OrderDocumentLocation> locations, XRect area)
    {
        var minX = locations.Min(l => l.RdX);
        var maxX = locations.Max(l => l.RdX);
        var minY = locations.Min(l => l.RdY);
        var maxY = locations.Max(l => l.RdY);
        var extent = Math.Max(Math.Max(maxX - minX, maxY - minY) * 1.15, MinimumExtentMetres);
        var scale = Math.Min(area.Width, area.Height) / extent;
        var centreX = (minX + maxX) / 2;
        var centreY = (minY + maxY) / 2;
        return new Projection(centreX - (area.Width / scale / 2), centreY + (area.Height / scale / 2), scale, area);
    }

    /// <summary>A length for the scale bar: 1, 2 or 5 times a power of ten, about a quarter of the map's width.</summary>
    public static double ScaleBarMetres(double widthMetres)
    {
        var target = widthMetres / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(target)));
        return target / power >= 5 ? 5 * power : target / power >= 2 ? 2 * power : power;
    }

    public static void Draw(XGraphics gfx, XRect area, IReadOnlyList<OrderDocumentLocation> locations, XFont font, XFont boldFont)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        if (locations.Count == 0)
            return;
        var projection = Fit(locations, area);
        var widthMetres = area.Width / projection.PointsPerMetre;
        var heightMetres = area.Height / projection.PointsPerMetre;

        var state = gfx.Save();
        gfx.IntersectClip(area);
        DrawGrid(gfx, projection, widthMetres, heightMetres, font);
        var dot = new XSolidBrush(Dot);
        var label = new XSolidBrush(XColors.Black);
        var radius = locations.Count > 100 ? 1.8 : 3;
        foreach (var location in locations)
        {
            var p = projection.ToPage(location.RdX, location.RdY);
            gfx.DrawEllipse(dot, p.X - radius, p.Y - radius, 2 * radius, 2 * radius);
            gfx.DrawString(location.Number.ToString(CultureInfo.InvariantCulture), locations.Count > 100 ? font : boldFont, label, p.X + radius + 1, p.Y - radius - 1);
        }
        gfx.Restore(state);
        gfx.DrawRectangle(new XPen(Frame, 0.8), area);
        DrawScaleBar(gfx, area, projection.PointsPerMetre, widthMetres, font);
        DrawNorthArrow(gfx, area, boldFont);
    }

    private static void DrawGrid(XGraphics gfx, Projection projection, double widthMetres, double heightMetres, XFont font)
    {
        var step = ScaleBarMetres(widthMetres);
        var pen = new XPen(Grid, 0.4);
        var brush = new XSolidBrush(XColor.FromArgb(0x80, 0x80, 0x80));
        var area = projection.Area;
        for (var x = Math.Ceiling(projection.MinX / step) * step; x < projection.MinX + widthMetres; x += step)
        {
            var p = projection.ToPage(x, projection.MaxY);
            gfx.DrawLine(pen, p.X, area.Top, p.X, area.Bottom);
            gfx.DrawString(x.ToString("0", CultureInfo.InvariantCulture), font, brush, p.X + 2, area.Top + 8);
        }
        for (var y = Math.Floor(projection.MaxY / step) * step; y > projection.MaxY - heightMetres; y -= step)
        {
            var p = projection.ToPage(projection.MinX, y);
            gfx.DrawLine(pen, area.Left, p.Y, area.Right, p.Y);
            gfx.DrawString(y.ToString("0", CultureInfo.InvariantCulture), font, brush, area.Left + 2, p.Y - 2);
        }
    }

    private static void DrawScaleBar(XGraphics gfx, XRect area, double pointsPerMetre, double widthMetres, XFont font)
    {
        var metres = ScaleBarMetres(widthMetres);
        var length = metres * pointsPerMetre;
        var x = area.Left + 12;
        var y = area.Bottom - 16;
        gfx.DrawRectangle(XBrushes.White, x - 4, y - 12, length + 40, 24);
        var half = length / 2;
        gfx.DrawRectangle(new XPen(XColors.Black, 0.6), XBrushes.Black, x, y, half, 4);
        gfx.DrawRectangle(new XPen(XColors.Black, 0.6), XBrushes.White, x + half, y, half, 4);
        gfx.DrawString("0", font, XBrushes.Black, x - 2, y - 2);
        var text = metres >= 1000 ? string.Create(CultureInfo.InvariantCulture, $"{metres / 1000:0.#} km") : string.Create(CultureInfo.InvariantCulture, $"{metres:0} m");
        gfx.DrawString(text, font, XBrushes.Black, x + length - 4, y - 2);
    }

    private static void DrawNorthArrow(XGraphics gfx, XRect area, XFont font)
    {
        var cx = area.Right - 22;
        var top = area.Top + 14;
        gfx.DrawRectangle(XBrushes.White, cx - 12, top - 4, 24, 40);
        gfx.DrawPolygon(XBrushes.Black, [new XPoint(cx, top), new XPoint(cx + 7, top + 22), new XPoint(cx, top + 17), new XPoint(cx - 7, top + 22)], XFillMode.Winding);
        gfx.DrawString("N", font, XBrushes.Black, new XRect(cx - 6, top + 23, 12, 10), XStringFormats.TopCenter);
    }
}
