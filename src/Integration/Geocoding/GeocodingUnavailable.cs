namespace Portal.Integration.Geocoding;

/// <summary>
/// The address search could not be reached, kept failing, or answered something we cannot read.
/// The message is safe to show; the details are in the log and in <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class GeocodingUnavailable(Exception? innerException = null)
    : Exception("The address search is not available right now. Try again later, or enter the address by hand.", innerException);
