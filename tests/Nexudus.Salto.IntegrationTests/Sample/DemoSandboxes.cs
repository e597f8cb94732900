using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary>
/// Both sandboxes seeded with the demo space, started by the test, and the space's settings as the
/// configuration-style arguments an operator would pass (<c>--Nexudus:BaseUrl=…</c>).
/// </summary>
internal sealed class DemoSandboxes : IAsyncDisposable
{
    private DemoSandboxes(NexudusSandbox nexudus, SaltoKsSandbox salto, DemoSpace space, string stateDirectory, DateTimeOffset now)
    {
        Now = now;
        Nexudus = nexudus;
        Salto = salto;
        Space = space;
        StateDirectory = stateDirectory;
    }

    /// <summary>The instant the space was built around (its entries are minutes before it).</summary>
    public DateTimeOffset Now { get; }

    public NexudusSandbox Nexudus { get; }

    public SaltoKsSandbox Salto { get; }

    public DemoSpace Space { get; }

    public string StateDirectory { get; }

    /// <summary>Starts both sandboxes with the demo space built around <paramref name="now"/> (the clock's now by default).</summary>
    public static async Task<DemoSandboxes> StartAsync(DateTimeOffset? now = null)
    {
        var nexudus = await NexudusSandbox.StartAsync(new NexudusSandboxOptions { RateLimits = NexudusRateLimits.Disabled });
        var salto = await SaltoKsSandbox.StartAsync();
        var directory = Directory.CreateTempSubdirectory("nexudus-salto-sample-tests-").FullName;
        var at = now ?? DateTimeOffset.UtcNow;
        var space = DemoSpace.Create(nexudus, salto, at, Path.Combine(directory, "state.db"));
        return new DemoSandboxes(nexudus, salto, space, directory, at);
    }

    /// <summary>The command, then the space's settings as configuration arguments, then any extra arguments.</summary>
    public string[] Args(string command, params string[] extra) =>
        [command, .. Space.Settings.Select(pair => $"--{pair.Key}={pair.Value}"), .. extra];

    /// <summary>The arguments with one setting replaced.</summary>
    public string[] ArgsWith(string command, string key, string value, params string[] extra) =>
        [command, .. Space.Settings.Where(p => p.Key != key).Select(pair => $"--{pair.Key}={pair.Value}"), $"--{key}={value}", .. extra];

    public async ValueTask DisposeAsync()
    {
        await Nexudus.DisposeAsync();
        await Salto.DisposeAsync();
        Directory.Delete(StateDirectory, recursive: true);
    }
}
