namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// One sandbox with <see cref="NexudusWorld"/> and its client, shared by the read-only tests of a
/// class. The sandbox serves at most <see cref="SandboxMaxPageSize"/> records a page while the
/// client asks for <see cref="ClientPageSize"/>, so every listing spans several capped pages.
/// </summary>
/// <remarks>
/// Tests that share it must not change the sandbox; they clear its request log first (xUnit runs
/// the tests of one class one after another, so the log is theirs).
/// </remarks>
public sealed class NexudusWorldFixture : IAsyncLifetime
{
    public const int SandboxMaxPageSize = 2;
    public const int ClientPageSize = 5;

    private NexudusSandboxEnvironment? _environment;

    internal NexudusSandboxEnvironment Environment =>
        _environment ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() =>
        _environment = await NexudusSandboxEnvironment.StartAsync(
            s => s.MaxPageSize = SandboxMaxPageSize,
            c => c.PageSize = ClientPageSize);

    public async Task DisposeAsync()
    {
        if (_environment is not null)
        {
            await _environment.DisposeAsync();
        }
    }
}
