using Portal.Integration.Mail;

namespace Portal.Integration.Tests.Mail;

public sealed class BackingOffBetweenAttemptsTests
{
    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(3, 240)]
    [InlineData(6, 1920)]
    [InlineData(7, 3600)]   // 3840 s would exceed the cap of an hour
    [InlineData(40, 3600)]
    public void TheWaitDoublesAfterEveryFailure_UpToTheCap(int failedAttempts, int expectedSeconds)
    {
        var options = new MailOutboxOptions { FirstRetrySeconds = 60, MaxRetrySeconds = 3600 };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), options.RetryDelay(failedAttempts));
    }
}
