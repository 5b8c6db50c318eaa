using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Portal.Integration.Http;

namespace Portal.Integration.Ocpi.Client;

/// <summary>
/// One resilience pipeline per connection, so one failing CPO opens only its own circuit:
/// retry (exponential back-off with jitter, or the CPO's Retry-After on 429/503) around a circuit
/// breaker around a per-attempt timeout.
/// </summary>
public sealed class OcpiResiliencePipelines(IOptions<OcpiClientOptions> options, TimeProvider clock, ILogger<OcpiResiliencePipelines> logger)
{
    private readonly ConcurrentDictionary<Guid, Entry> _pipelines = new();

    public ResiliencePipeline<HttpResponseMessage> For(Guid connectionId) => _pipelines.GetOrAdd(connectionId, Create).Pipeline;

    /// <summary>True while the connection's circuit is open (or isolated): calls fail at once.</summary>
    public bool IsOpen(Guid connectionId) =>
        _pipelines.TryGetValue(connectionId, out var entry) && entry.State.CircuitState is CircuitState.Open or CircuitState.Isolated;

    private Entry Create(Guid connectionId)
    {
        var o = options.Value;
        var state = new CircuitBreakerStateProvider();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.FirstBackOff,
                MaxDelay = o.MaxRetryAfter,
                ShouldHandle = args => ValueTask.FromResult(TransientHttpFailure.IsTransient(args.Outcome) && !(TransientHttpFailure.RetryAfter(args.Outcome.Result, clock) > o.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(TransientHttpFailure.RetryAfter(args.Outcome.Result, clock)),
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "OCPI call of connection {Connection} failed ({Status}); attempt {Attempt} in {Delay} ms",
                        connectionId, args.Outcome.Result?.StatusCode, args.AttemptNumber + 2, (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = o.CircuitFailureRatio,
                MinimumThroughput = o.CircuitMinimumThroughput,
                SamplingDuration = o.CircuitSamplingDuration,
                BreakDuration = o.CircuitBreakDuration,
                StateProvider = state,
                ShouldHandle = args => ValueTask.FromResult(TransientHttpFailure.IsTransient(args.Outcome)),
                OnOpened = args =>
                {
                    logger.LogWarning("OCPI circuit of connection {Connection} opened for {Seconds} s", connectionId, (int)args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(o.AttemptTimeout)
            .Build();
        return new Entry(pipeline, state);
    }

    private sealed record Entry(ResiliencePipeline<HttpResponseMessage> Pipeline, CircuitBreakerStateProvider State);
}
