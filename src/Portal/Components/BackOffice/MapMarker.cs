namespace Portal.Components.BackOffice;

/// <summary>A marker the page puts on a <see cref="BackOfficeMap"/>.</summary>
/// <param name="Id">The page's own key, handed back by the map's marker callbacks.</param>
/// <param name="Latitude">Where, in WGS84 degrees.</param>
/// <param name="Longitude">Where, in WGS84 degrees.</param>
/// <param name="Label">The marker's accessible name and tooltip, e.g. the spot's address.</param>
/// <param name="Kind">Its look: <c>spot</c>, <c>new</c> (a point being placed), <c>application</c> or <c>chargepoint</c>.</param>
/// <param name="Draggable">Whether it can be dragged; the map reports where it was dropped.</param>
/// <param name="Selected">Drawn highlighted and on top of the others.</param>
public sealed record MapMarker(string Id, double Latitude, double Longitude, string Label, string Kind = MapMarker.Spot, bool Draggable = false, bool Selected = false)
{
    public const string Spot = "spot";
    public const string New = "new";
    public const string Application = "application";
    public const string ChargePoint = "chargepoint";
}

/// <summary>A point on the map in WGS84 degrees (rounded to seven decimals, about a centimetre).</summary>
public readonly record struct MapPosition(double Latitude, double Longitude);

/// <summary>A marker dragged to a new position.</summary>
public readonly record struct MapMarkerMove(string Id, double Latitude, double Longitude);

/// <summary>The box a map should show, in WGS84 degrees.</summary>
public readonly record struct MapBounds(double West, double South, double East, double North);

/// <summary>What the map shows after the person panned or zoomed.</summary>
public readonly record struct MapViewport(MapBounds Bounds, MapPosition Centre, int Zoom);
