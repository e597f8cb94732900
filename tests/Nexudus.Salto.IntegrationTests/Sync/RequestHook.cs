namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>
/// Sits innermost in both clients' pipelines and sees every request that goes on the wire (retries included), so
/// a test can stop a run at an exact point: before the Nth request is sent, or after SALTO has answered it and
/// before the SDK hears the answer (a crash at the worst moment).
/// </summary>
internal sealed class RequestHook
{
    private int _count;

    /// <summary>Gets how many requests went out.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Gets or sets what to do with the Nth request (1-based), if anything.</summary>
    public Func<int, HttpRequestMessage, HookAction>? OnRequest { get; set; }

    /// <summary>Gets or sets what to do at the moment a request is stopped (cancel the run, typically).</summary>
    public Action? OnStop { get; set; }

    /// <summary>Gets or sets a rewrite of every answer before the client reads it (a service that misbehaves in a precise way).</summary>
    public Func<HttpRequestMessage, HttpResponseMessage, Task<HttpResponseMessage>>? OnResponse { get; set; }

    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(RequestHook hook) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref hook._count);
            var action = hook.OnRequest?.Invoke(n, request) ?? HookAction.None;
            if (action == HookAction.StopBefore)
            {
                hook.OnStop?.Invoke();
                throw new OperationCanceledException("The run was stopped before this request.");
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (action == HookAction.StopAfter)
            {
                response.Dispose();
                hook.OnStop?.Invoke();
                throw new OperationCanceledException("The run was stopped after the service answered this request.");
            }

            return hook.OnResponse is { } rewrite ? await rewrite(request, response) : response;
        }
    }
}

public enum HookAction
{
    None,
    StopBefore,
    StopAfter,
}
