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
    public void Split_KeyWithColonAndSeparateValue_TakesTheNextArgumentAsItsValue()
    {
        var (command, configuration) = ConfigurationArguments.Split(["--SaltoIntegration:Locations:0:SaltoSiteId", "site-1", "doctor"]);

        Assert.Equal(["doctor"], command);
        Assert.Equal(["--SaltoIntegration:Locations:0:SaltoSiteId", "site-1"], configuration);
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
