namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary>The command line itself: help, parsing, exit codes and what goes to stdout and stderr.</summary>
public sealed class SampleCommandLineTests
{
    [Theory]
    [InlineData("demo", "Starts Nexudus and SALTO KS sandboxes")]
    [InlineData("sync", "--allow-mass-revocation")]
    [InlineData("checkins", "--json")]
    [InlineData("report", "--format <csv|html|json>")]
    [InlineData("doctor", "Checks the configuration")]
    [InlineData("watch", "background worker")]
    [InlineData("webhooks", "SaltoIntegration:Webhooks:PublicUrl")]
    public async Task Help_EachCommand_PrintsItsUsageAndExitsZero(string command, string expected)
    {
        var run = await SampleRun.StartAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($" {command} [options]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Root_ListsEveryCommand()
    {
        var run = await SampleRun.StartAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "demo", "sync", "checkins", "report", "doctor", "watch", "webhooks" })
        {
            Assert.Matches($@"(?m)^\s+{command}\s", run.Stdout);
        }
    }

    [Fact]
    public async Task Parse_MisspeltOption_ExitsOneAndNamesIt()
    {
        var run = await SampleRun.StartAsync("sync", "--dry-rn");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--dry-rn", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncJson_InvalidConfiguration_ExitsOneWithOneLineReasonAndNothingOnStdout()
    {
        var run = await SampleRun.StartAsync("sync", "--json", "--Nexudus:BaseUrl=http://nexudus.example");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var reason = Assert.Single(run.Stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sync: the configuration is not valid:", reason, StringComparison.Ordinal);
        Assert.Contains("Nexudus:BaseUrl must use https", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_SaltoCredentialsMissing_NamesTheKeys()
    {
        var run = await SampleRun.StartAsync("sync", "--Nexudus:Username=u", "--Nexudus:Password=p");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SaltoKs:Username and SaltoKs:Password (or SaltoKs:RefreshToken) are required.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ToNotAfterFrom_ExitsOneWithTheRule()
    {
        var run = await SampleRun.StartAsync("report", "--from", "2025-03-04", "--to", "2025-03-03");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--to must be later than --from.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_FormatOutsideTheList_ExitsOne()
    {
        var run = await SampleRun.StartAsync("report", "--from", "2025-03-03", "--to", "2025-03-04", "--format", "xml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("xml", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_DateThatIsNotIso_ExitsOneNamingIt()
    {
        var run = await SampleRun.StartAsync("report", "--from", "yesterday", "--to", "2025-03-04");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'yesterday' is not an ISO 8601 date", run.Stderr, StringComparison.Ordinal);
    }
}
