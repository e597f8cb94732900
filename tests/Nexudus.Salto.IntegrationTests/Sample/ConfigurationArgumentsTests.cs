using Nexudus.Salto.Sample.Cli;

namespace Nexudus.Salto.IntegrationTests.Sample;

public sealed class ConfigurationArgumentsTests
{
    [Fact]
    public void Split_KeyWithColonAndEquals_GoesToConfiguration()
    {
        var (command, configuration) = ConfigurationArguments.Split(["sync", "--Nexudus:BaseUrl=https://x.example", "--dry-run"]);

        Assert.Equal(["sync", "--dry-run"], command);
        Assert.Equal(["--Nexudus:BaseUrl=https://x.example"], configuration);
    }

    [Fact]
    public void Split_KeyWithoutEquals_NeverTakesTheNextArgumentAsItsValue()
    {
        var (command, configuration) = ConfigurationArguments.Split(["sync", "--Nexudus:ClientId", "--dry-run"]);

        Assert.Equal(["sync", "--Nexudus:ClientId", "--dry-run"], command);
        Assert.Empty(configuration);
        Assert.Equal(["--Nexudus:ClientId"], ConfigurationArguments.WithoutValue(["sync", "--Nexudus:ClientId", "--dry-run"]));
    }

    [Fact]
    public async Task RunAsync_KeyWithoutEquals_FailsWithoutRunningAnything()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await global::Nexudus.Salto.Sample.SampleApp.RunAsync(["sync", "--Nexudus:ClientId", "--dry-run"], stdout, stderr);

        Assert.Equal(1, exit);
        Assert.Contains("--Nexudus:ClientId", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
    }

    [Fact]
    public void Split_CommandOptionWithColonInItsValue_StaysWithTheCommand()
    {
        var (command, configuration) = ConfigurationArguments.Split(["report", "--from=2025-03-03T08:00:00Z", "--to", "2025-03-04T08:00"]);

        Assert.Equal(["report", "--from=2025-03-03T08:00:00Z", "--to", "2025-03-04T08:00"], command);
        Assert.Empty(configuration);
    }

    [Fact]
    public void Split_KeyWithoutAValueAtTheEnd_IsLeftForTheParserToReport()
    {
        var (command, configuration) = ConfigurationArguments.Split(["doctor", "--Nexudus:BaseUrl"]);

        Assert.Equal(["doctor", "--Nexudus:BaseUrl"], command);
        Assert.Empty(configuration);
    }
}
