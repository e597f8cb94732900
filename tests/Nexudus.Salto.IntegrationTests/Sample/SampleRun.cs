using Nexudus.Salto.Sample;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary>One in-process run of the sample's command line, with what it wrote.</summary>
internal sealed record SampleRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs the sample with the given arguments, capturing stdout and stderr.</summary>
    public static async Task<SampleRun> StartAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exitCode = await SampleApp.RunAsync(args, stdout, stderr, timeout.Token);
        return new SampleRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
