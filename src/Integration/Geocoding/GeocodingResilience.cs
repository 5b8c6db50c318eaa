using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Portal.Integration.Http;

namespace Portal.Integration.Geocoding;

/// <summary>
/// The retry and timeout pipeline for calls to the address search: each attempt gets
/// <see cref="GeocodingOptions.TimeoutSeconds"/>; a timeout, a network error, 408, 429 or 5xx
/// is retried twice with jittered exponential back-off, or after the server's Retry-After.
/// </summary>
internal sealed class GeocodingResilience
{
    public const int MaxRetryAttempts = 2;

    // A resident is waiting on the form: a server that asks us to come back later than this
    // is treated as unavailable rather than keeping the page hanging.
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstBackOff = TimeSpan.FromMilliseconds(250);

    public GeocodingResilience(IOptions<GeocodingOptions> options, ILogger<GeocodingResilience> logger, TimeProvider? clock = null)
    {
        var time = clock ?? TimeProvider.System;
        AttemptTimeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstBackOff,
                MaxDelay = MaxRetryAfter,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, time)),
                DelayGenerator = args => ValueTask.FromResult(TransientHttpFailure.RetryAfter(args.Outcome.Result, time)),
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Address search attempt {Attempt} failed ({Status}); retrying in {Delay} ms",
                        args.AttemptNumber + 1, args.Outcome.Result?.StatusCode, (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(AttemptTimeout)
            .Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public TimeSpan AttemptTimeout { get; }

    /// <summary>The longest a whole call can take: every attempt timing out plus the longest waits in between.</summary>
    public TimeSpan WorstCase => (AttemptTimeout * (MaxRetryAttempts + 1)) + (MaxRetryAfter * MaxRetryAttempts);

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeProvider clock) =>
        TransientHttpFailure.IsTransient(outcome) && !(TransientHttpFailure.RetryAfter(outcome.Result, clock) > MaxRetryAfter);
}

/// <summary>Runs GET requests through <see cref="GeocodingResilience"/>; anything else is sent once.</summary>
internal sealed class GeocodingResilienceHandler(GeocodingResilience resilience) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get)
            return await base.SendAsync(request, cancellationToken);

        return await resilience.Pipeline.ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.handler.Attempt(state.request, token)),
            (handler: this, request),
            cancellationToken);
    }

    private Task<HttpResponseMessage> Attempt(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
