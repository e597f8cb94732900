using Nexudus.Salto.PostgreSql;
using Nexudus.Salto.Testing;
using Nexudus.Salto.Tests.Support;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary><c>sync</c> and <c>doctor</c> with the state in PostgreSQL (a schema of its own per test), against the demo space.</summary>
public sealed class SamplePostgreSqlTests : IAsyncLifetime
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");
    private DemoSandboxes _sandboxes = null!;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _sandboxes = await DemoSandboxes.StartAsync();
        _connectionString = await PostgreSqlTestServer.ConnectionStringAsync();
    }

    public async Task DisposeAsync()
    {
        await _sandboxes.DisposeAsync();
        await PostgreSqlTestServer.DropSchemaAsync(_schema);
    }

    private string[] Args(string command, params string[] extra) =>
        _sandboxes.Args(command, [$"--SaltoIntegration:PostgreSql:ConnectionString={_connectionString}", $"--SaltoIntegration:PostgreSql:Schema={_schema}", .. extra]);

    private PostgreSqlSyncStateStore Store() => new(new PostgreSqlSyncStateStoreOptions { ConnectionString = _connectionString, Schema = _schema });

    [Fact]
    public async Task Sync_StateInPostgreSql_SyncsThenASecondRunWritesNothing()
    {
        var first = await SampleRun.StartAsync(Args("sync"));
        _sandboxes.Salto.Requests.Clear();

        var second = await SampleRun.StartAsync(Args("sync"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, _sandboxes.Salto.Requests.GetCounters().Writes);
        Assert.NotEmpty((await Store().LoadSiteAsync(DemoSpace.LondonSite)).OwnedMemberships);
    }

    [Fact]
    public async Task Sync_SiteLeasedByAnotherProcess_ListsItsHolderAndExitsZero()
    {
        await Store().TryAcquireSiteLeaseAsync(DemoSpace.LondonSite, "worker-on-host-b");

        var run = await SampleRun.StartAsync(Args("sync"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("worker-on-host-b", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Skipped site", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_StateInPostgreSql_ShowsTheSchemaVersionAndTheLeases()
    {
        var store = Store();
        await store.TryAcquireSiteLeaseAsync(DemoSpace.LondonSite, "worker-on-host-b");

        var run = await SampleRun.StartAsync(Args("doctor"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"schema version {PostgreSqlSyncStateStore.CurrentSchemaVersion}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("worker-on-host-b", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_PostgreSqlUnreachable_ExitsOneAndNamesTheKey()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("doctor",
            "--SaltoIntegration:PostgreSql:ConnectionString=Host=127.0.0.1;Port=1;Username=nobody;Password=secret-pw;Timeout=3", $"--SaltoIntegration:PostgreSql:Schema={_schema}"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SaltoIntegration:PostgreSql:ConnectionString", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
