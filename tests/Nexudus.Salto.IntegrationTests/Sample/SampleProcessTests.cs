using System.Diagnostics;

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

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, params (string Name, string Value)[] environment)
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
}
