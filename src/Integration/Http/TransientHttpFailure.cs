using System.Net;
using Polly;
using Polly.Timeout;

namespace Portal.Integration.Http;

/// <summary>
/// What the outside services we call (PDOK, CPO back offices) get retried on, and how long their
/// Retry-After asks us to wait: one rule for every resilience pipeline.
/// </summary>
internal static class TransientHttpFailure
{
    /// <summary>A timeout, a network error, 408, 429 or any 5xx.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
            return outcome.Exception is TimeoutRejectedException or HttpRequestException;
        var status = outcome.Result!.StatusCode;
        return status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
    }

    /// <summary>Retry-After in seconds or as a date (never negative); null when the answer has none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
