using Hangfire.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Portal.Jobs;

/// <summary>
/// Hangfire's log lines in the portal's log. Hangfire keeps one log provider for the whole process, so when
/// several portals share a process (the tests' nodes) it may hold the logging of one that has stopped: its
/// lines are then dropped instead of failing the job or the start-up that wrote them.
/// </summary>
internal sealed class HangfireLogging(ILoggerFactory loggers) : ILogProvider
{
    public ILog GetLogger(string name) => new PortalLog(loggers, name);

    private sealed class PortalLog(ILoggerFactory loggers, string name) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                HangfireLevel.Trace => LogLevel.Trace,
                HangfireLevel.Debug => LogLevel.Debug,
                HangfireLevel.Info => LogLevel.Information,
                HangfireLevel.Warn => LogLevel.Warning,
                HangfireLevel.Error => LogLevel.Error,
                HangfireLevel.Fatal => LogLevel.Critical,
                _ => LogLevel.None,
            };
            try
            {
                var logger = loggers.CreateLogger(name);
                if (messageFunc is null)
                    return logger.IsEnabled(level);
#pragma warning disable CA1848, CA2254 // Hangfire hands over finished messages, not templates
                logger.Log(level, exception, messageFunc());
#pragma warning restore CA1848, CA2254
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
