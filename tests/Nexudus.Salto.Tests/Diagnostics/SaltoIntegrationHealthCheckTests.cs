using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Diagnostics;

namespace Nexudus.Salto.Tests.Diagnostics;

public sealed class SaltoIntegrationHealthCheckTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly WorkerStatus _status = new();

    private Task<HealthCheckResult> CheckAsync()
    {
        var options = new SaltoIntegrationOptions();
        options.Worker.HealthySyncAge = TimeSpan.FromHours(1);
        return new SaltoIntegrationHealthCheck(_status, Options.Create(options), _time).CheckHealthAsync(new HealthCheckContext());
    }

    [Fact]
    public async Task Check_WorkerNotStarted_IsUnhealthy()
    {
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("not running", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_JustStartedWithoutASyncYet_IsHealthy()
    {
        _status.Started(Start);
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Check_RecentSuccess_IsHealthyAndReportsTheAge()
    {
        _status.Started(Start);
        _status.Set(WorkerJob.Sync, new WorkerJobStatus { LastSuccessAt = Start + TimeSpan.FromMinutes(30) });
        _time.Advance(TimeSpan.FromMinutes(50));

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(1200d, result.Data["sync.age_seconds"]);
    }

    [Fact]
    public async Task Check_LastSuccessOlderThanTheThreshold_IsDegraded()
    {
        _status.Started(Start);
        _status.Set(WorkerJob.Sync, new WorkerJobStatus { LastSuccessAt = Start });
        _time.Advance(TimeSpan.FromMinutes(61));

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("No successful sync for 0.01:01:00 since the last successful sync.", result.Description);
    }

    [Fact]
    public async Task Check_LastSuccessOlderThanTwiceTheThreshold_IsUnhealthy()
    {
        _status.Started(Start);
        _status.Set(WorkerJob.Sync, new WorkerJobStatus { LastSuccessAt = Start });
        _time.Advance(TimeSpan.FromMinutes(121));

        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Check_RecentFailuresBeingRetried_IsDegraded()
    {
        _status.Started(Start);
        _status.Set(WorkerJob.CheckIns, new WorkerJobStatus { ConsecutiveFailures = 2, LastFailure = "HttpRequestException: connection refused" });

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("CheckIns failed 2 time(s)", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_LastSyncLeftGroupsToRetry_IsDegraded()
    {
        _status.Started(Start);
        _status.Set(WorkerJob.Sync, new WorkerJobStatus { LastSuccessAt = Start, LastWarning = "1 error(s); first: GroupChange: 500" });

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("GroupChange", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Quarantined_IsUnhealthyAndNamesTheJob()
    {
        _status.Started(Start);
        _status.Set(WorkerJob.Sync, new WorkerJobStatus
        {
            LastSuccessAt = Start,
            ConsecutiveFailures = 5,
            Quarantined = true,
            LastFailure = "SaltoKsAuthenticationException: invalid_client",
        });

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Sync is quarantined after 5 failed runs in a row; last failure: SaltoKsAuthenticationException: invalid_client", result.Description);
        Assert.Equal(true, result.Data["sync.quarantined"]);
    }
}
