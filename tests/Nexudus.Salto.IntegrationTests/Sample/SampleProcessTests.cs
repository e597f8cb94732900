using System.Diagnostics;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary>
/// The sample as its own process, as CI and an operator run it: no terminal, stdin closed, output redirected,
/// configuration from the environment.
/// </summary>
public sealed class SampleProcessTests
{
    [Fact]
    public async Task Process_NoArguments_RunsTheDemoAndExitsZero()
    {
        var (exitCode, stdout, _) = await RunAsync([]);

        Assert.Equal(0, exitCode);
        Assert.Contains("Nexudus.Salto demo", stdout, StringComparison.Ordinal);
        Assert.Contains("No problems found.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_EnvironmentVariable_ReachesTheConfiguration()
    {
        var (exitCode, stdout, stderr) = await RunAsync(["doctor"], ("Nexudus__BaseUrl", "http://nexudus.example"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Nexudus:BaseUrl must use https", stdout, StringComparison.Ordinal);
        Assert.Contains("doctor:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_SigtermDuringSync_StopsWithOneLineAndExitCode143()
    {
        await using var sandboxes = await DemoSandboxes.StartAsync();

        // Every SALTO read hangs, so the sync is surely in the middle of its work when the signal comes.
        sandboxes.Salto.Faults.Add(SandboxFaultRule.On("GET", "/**", SandboxFault.Latency(TimeSpan.FromMinutes(10))));
        using var process = Process.Start(StartInfo(sandboxes.Args("sync")))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var started = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            while (sandboxes.Salto.Requests.Count("POST", "/**") == 0)
            {
                await Task.Delay(50, started.Token);
            }
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!)
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(143, process.ExitCode);
        Assert.Contains("sync: stopped by signal before it finished; nothing half-applied", await stderr, StringComparison.Ordinal);
        _ = await stdout;
        Assert.Equal(0, sandboxes.Salto.Requests.GetCounters().Writes);
    }

    [Fact]
    public async Task Process_EraseAfterSync_DeletesTheCreatedUserPrintsWhatItRemovedAndExitsZero()
    {
        await using var sandboxes = await DemoSandboxes.StartAsync();
        var (synced, _, syncErrors) = await RunAsync(sandboxes.Args("sync"));
        Assert.True(synced == 0, syncErrors);
        Assert.NotNull(sandboxes.Salto.FindSiteUserByEmail(DemoSpace.LondonSite, "grace@example.com"));
        var grace = sandboxes.Space.Seed.Customer("grace@example.com").Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (exitCode, stdout, stderr) = await RunAsync(sandboxes.Args("erase", grace));

        Assert.True(exitCode == 0, stderr);
        Assert.Contains($"Site {DemoSpace.LondonSite}: SALTO user", stdout, StringComparison.Ordinal);
        Assert.Contains("(created by the SDK) was deleted", stdout, StringComparison.Ordinal);
        Assert.Null(sandboxes.Salto.FindSiteUserByEmail(DemoSpace.LondonSite, "grace@example.com"));

        var (again, nothing, _) = await RunAsync(sandboxes.Args("erase", grace));
        Assert.Equal(0, again);
        Assert.Contains("the state store knows nothing about them; nothing to erase", nothing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_EraseWithAnInvalidId_FailsWithExitCodeOne()
    {
        await using var sandboxes = await DemoSandboxes.StartAsync();

        var (exitCode, _, stderr) = await RunAsync(sandboxes.Args("erase", "0"));

        Assert.Equal(1, exitCode);
        Assert.Contains("erase: the customer id must be a positive Nexudus id.", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, params (string Name, string Value)[] environment)
    {
        var start = StartInfo(args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static ProcessStartInfo StartInfo(string[] args)
    {
        // The SDK names the dotnet it runs the tests with; fall back to the one on PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Nexudus.Salto.Sample.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
