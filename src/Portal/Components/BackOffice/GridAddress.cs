using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Components.BackOffice;

/// <summary>A back-office grid's state in the page address: read a filter from it, write the state back.</summary>
public static class GridAddress
{
    /// <summary>Puts the grid's address in the browser without a new history entry, when it differs from the current one.</summary>
    public static void KeepInAddress(this NavigationManager navigation, string uri)
    {
        if (!string.Equals(navigation.ToAbsoluteUri(uri).ToString(), navigation.Uri, StringComparison.Ordinal))
            navigation.NavigateTo(uri, replace: true);
    }

    /// <summary>One value of the current address's query, or null.</summary>
    public static string? QueryValue(this NavigationManager navigation, string key) =>
        QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query).TryGetValue(key, out var value) ? value.ToString() : null;

    /// <summary>An enum filter from the current address; a missing, unknown or numeric value gives null.</summary>
    public static TEnum? QueryEnum<TEnum>(this NavigationManager navigation, string key) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(navigation.QueryValue(key), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
