using Nexudus.Salto.Sample;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary>One in-process run of the sample's command line, with what it wrote.</summary>
internal sealed record SampleRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs the sample with the given arguments, capturing stdout and stderr.</summary>
    public static async Task<SampleRun> StartAsync(params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await StartAsync(args, timeout.Token);
    }

    /// <summary>Runs the sample until it ends or <paramref name="stop"/> is cancelled (Ctrl+C).</summary>
    public static async Task<SampleRun> StartAsync(string[] args, CancellationToken stop)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await SampleApp.RunAsync(args, stdout, stderr, stop);
        return new SampleRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
