using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary>
/// <c>samples/QuickStart</c>, the host a user copies, run as its own process exactly as built: against the demo
/// space on the sandboxes it syncs, answers its health endpoint, and refuses a bad configuration naming every key.
/// </summary>
public sealed class QuickStartProcessTests : IAsyncLifetime
{
    private DemoSandboxes _sandboxes = null!;

    public async Task InitializeAsync() => _sandboxes = await DemoSandboxes.StartAsync();

    public async Task DisposeAsync() => await _sandboxes.DisposeAsync();

    [Fact]
    public async Task QuickStart_ConfiguredForTheSandboxes_SyncsAndAnswersHealthy()
    {
        var port = FreePort();
        using var process = Start(
            // An empty working folder: the host's content root, so only these settings apply, not its appsettings.json.
            _sandboxes.StateDirectory,
            [$"--urls=http://127.0.0.1:{port}", .. _sandboxes.Space.Settings.Select(pair => $"--{pair.Key}={pair.Value}")],
            out var output);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Eventually(process, output, () =>
                Task.FromResult(_sandboxes.Salto.GetAccessGroupMembers(DemoSpace.LondonSite, DemoSpace.LondonOffice).Count == 3));
            await Eventually(process, output, async () => (await TryGetAsync(http, "/healthz")) == HttpStatusCode.OK);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.DoesNotContain("fail:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuickStart_ItsOwnPlaceholderSettings_FailsStartNamingEveryMissingKey()
    {
        // Run from its own folder, so its appsettings.json (placeholders, no secrets) is the configuration.
        using var process = Start(Path.GetDirectoryName(QuickStartPath())!, [], out var output);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);

        Assert.NotEqual(0, process.ExitCode);
        var text = output.ToString();
        Assert.Contains("Nexudus:Password is required.", text, StringComparison.Ordinal);
        Assert.Contains("SaltoKs:Password is required when SaltoKs:Username is set.", text, StringComparison.Ordinal);
        Assert.Equal(0, _sandboxes.Salto.Requests.GetCounters().Writes);
    }

    private static Process Start(string workingDirectory, string[] args, out StringBuilder output)
    {
        // The SDK names the dotnet it runs the tests with; fall back to the one on PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(QuickStartPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Not the test run's environment: the host reads its own.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var text = new StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(text, e.Data);
        process.ErrorDataReceived += (_, e) => Append(text, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        output = text;
        return process;
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    /// <summary>The QuickStart the solution build put next to its project, in this test run's configuration.</summary>
    private static string QuickStartPath()
    {
        var configuration = typeof(QuickStartProcessTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nexudus.Salto.sln")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, "The repository root (Nexudus.Salto.sln) was not found above " + AppContext.BaseDirectory);
        var path = Path.Combine(directory.FullName, "samples", "QuickStart", "bin", configuration, "net10.0", "QuickStart.dll");
        Assert.True(File.Exists(path), $"{path} does not exist: build the solution (dotnet build) before running this test alone.");
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task Eventually(Process process, StringBuilder output, Func<Task<bool>> condition)
    {
        // A bound on waiting, so a broken host fails the test instead of hanging it; no duration is asserted.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            Assert.False(process.HasExited, "QuickStart exited early:\n" + output);
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }
}
