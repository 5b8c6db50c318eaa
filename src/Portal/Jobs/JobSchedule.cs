using System.Globalization;

namespace Portal.Jobs;

/// <summary>Turns the settings into Hangfire crons: an interval becomes "every n seconds/minutes/hours", a configured cron is checked at start-up.</summary>
internal static class JobSchedule
{
    /// <summary>
    /// A cron for a fixed interval. Hangfire fires on the clock (every 15 s means at :00, :15, :30, :45),
    /// so an interval that does not divide its minute, hour or day evenly is refused rather than drift.
    /// </summary>
    public static string Every(TimeSpan interval, string setting)
    {
        var seconds = (long)Math.Round(interval.TotalSeconds);
        string? cron = seconds switch
        {
            >= 1 and < 60 when 60 % seconds == 0 => $"*/{seconds} * * * * *",
            >= 60 and < 3600 when seconds % 60 == 0 && 60 % (seconds / 60) == 0 => $"*/{seconds / 60} * * * *",
            >= 3600 and < 86400 when seconds % 3600 == 0 && 24 % (seconds / 3600) == 0 => $"0 */{seconds / 3600} * * *",
            _ => null,
        };
        return cron ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"{setting}: an interval of {seconds} s does not divide a minute, an hour or a day evenly (e.g. 1, 2, 3, 5, 10, 15, 20, 30 seconds or minutes)."));
    }

    /// <summary>
    /// A configured cron, refused at start-up when it is in the Quartz syntax of earlier versions (a seconds
    /// field first and '?' for "any"), which Hangfire would misread or refuse only when the job is added.
    /// </summary>
    public static string Checked(string cron, string setting)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is 5 or 6 && !cron.Contains('?', StringComparison.Ordinal))
            return cron;
        throw new InvalidOperationException(
            $"{setting}: '{cron}' is not a cron Hangfire reads: five fields, minute hour day-of-month month day-of-week (e.g. \"0 7 * * 1-5\"). Quartz crons, with a seconds field and '?', no longer work.");
    }
}
