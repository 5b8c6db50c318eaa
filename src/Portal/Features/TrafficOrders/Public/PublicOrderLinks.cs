namespace Portal.Features.TrafficOrders.Public;

/// <summary>
/// Addresses of an order's public page. An order's reference ("VB-2026-0007") is numbered per municipality,
/// so links name the municipality too; the page still answers a bare reference when only one order has it.
/// </summary>
internal static class PublicOrderLinks
{
    public static string PathOf(string municipalityCode, string reference) =>
        $"/verkeersbesluiten/{Uri.EscapeDataString(reference)}?gemeente={Uri.EscapeDataString(municipalityCode)}";

    /// <summary>The form for an objection (direct route) or a view (public preparation).</summary>
    public static string FormOf(string municipalityCode, string reference, bool view) =>
        $"/verkeersbesluiten/{Uri.EscapeDataString(reference)}/{(view ? "zienswijze" : "bezwaar")}?gemeente={Uri.EscapeDataString(municipalityCode)}";
}
