using System.Threading.Channels;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Diagnostics;
using Nexudus.Salto.State;
using Nexudus.Salto.Webhooks;

namespace Nexudus.Salto.Tests.Worker;

/// <summary>
/// The worker over scripted jobs and a fake clock. Each job call and each wait the worker starts is
/// reported on a channel, so a test steps the clock exactly to the instant the worker waits for.
/// </summary>
internal sealed class WorkerHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly Channel<DateTimeOffset> _waits = Channel.CreateUnbounded<DateTimeOffset>();
    private readonly CancellationTokenSource _safety = new(TimeSpan.FromSeconds(30));

    public WorkerHarness(
        Action<SaltoWorkerOptions>? configure = null, bool checkIns = false, IWebhookInbox? inbox = null, Action<SaltoWebhookOptions>? webhooks = null)
    {
        var options = new SaltoIntegrationOptions();
        configure?.Invoke(options.Worker);
        options.Webhooks.SharedSecret = WebhookSecret;
        webhooks?.Invoke(options.Webhooks);
        Runs = new ScriptedRuns(Time) { HasCheckIns = checkIns };
        Inbox = inbox;
        Receiver = inbox is null ? null : new NexudusWebhookReceiver(inbox, options.Webhooks, Time, logger: null, Signal);
        Worker = new SaltoIntegrationWorker(Runs, Options.Create(options), Time, Status, Metrics, Logger, inbox, inbox is null ? null : Signal)
        {
            Waiting = at => _waits.Writer.TryWrite(at),
        };
    }

    public const string WebhookSecret = "worker-harness-secret";

    public IWebhookInbox? Inbox { get; }

    /// <summary>Gets the receiver that records into <see cref="Inbox"/> and wakes the worker, when there is an inbox.</summary>
    public NexudusWebhookReceiver? Receiver { get; }

    public WebhookSignal Signal { get; } = new();

    public FakeTimeProvider Time { get; } = new(Start);

    public ScriptedRuns Runs { get; }

    public WorkerStatus Status { get; } = new();

    public SaltoMetrics Metrics { get; } = new(meterFactory: null);

    public FakeLogger<SaltoIntegrationWorker> Logger { get; } = new();

    public SaltoIntegrationWorker Worker { get; }

    /// <summary>Guards every await on the worker: a hang fails the test instead of blocking the run.</summary>
    public CancellationToken Safety => _safety.Token;

    public Task StartAsync() => Worker.StartAsync(Safety);

    /// <summary>The next instant the worker waits for.</summary>
    public async Task<DateTimeOffset> NextWaitAsync() => await _waits.Reader.ReadAsync(Safety);

    /// <summary>Moves the clock to the instant the worker waits for, and returns it.</summary>
    public async Task<DateTimeOffset> WakeAsync()
    {
        var at = await NextWaitAsync();
        Time.Advance(at - Time.GetUtcNow());
        return at;
    }

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        Worker.Dispose();
        Metrics.Dispose();
        Signal.Dispose();
        _safety.Dispose();
    }
}

/// <summary>Jobs that answer from a script and record when they ran.</summary>
internal sealed class ScriptedRuns(FakeTimeProvider time) : IIntegrationRuns
{
    private readonly Channel<(WorkerJob Job, DateTimeOffset At)> _calls = Channel.CreateUnbounded<(WorkerJob, DateTimeOffset)>();

    public bool HasCheckIns { get; init; }

    /// <summary>Answers each sync; by default a success with no next edge.</summary>
    public Func<CancellationToken, Task<SyncRunOutcome>> Sync { get; set; } = _ => Task.FromResult(new SyncRunOutcome(true, null));

    /// <summary>Answers each check-in pass; by default a success.</summary>
    public Func<CancellationToken, Task<JobRunOutcome>> CheckIns { get; set; } = _ => Task.FromResult(new JobRunOutcome(true));

    public List<(WorkerJob Job, DateTimeOffset At)> Calls { get; } = [];

    /// <summary>Answers each targeted sync; by default a success with no next edge.</summary>
    public Func<IReadOnlyCollection<long>, CancellationToken, Task<SyncRunOutcome>> Targeted { get; set; } = (_, _) => Task.FromResult(new SyncRunOutcome(true, null));

    private readonly Channel<(IReadOnlyCollection<long> Customers, IReadOnlyCollection<long> Payers, DateTimeOffset At, bool BookingsOnly)> _targeted =
        Channel.CreateUnbounded<(IReadOnlyCollection<long>, IReadOnlyCollection<long>, DateTimeOffset, bool)>();

    public async Task<(IReadOnlyCollection<long> Customers, IReadOnlyCollection<long> Payers, DateTimeOffset At, bool BookingsOnly)> NextTargetedAsync(
        CancellationToken cancellationToken) =>
        await _targeted.Reader.ReadAsync(cancellationToken);

    public Task<SyncRunOutcome> SyncCustomersAsync(IReadOnlyCollection<long> customers, IReadOnlyCollection<long> teamPayers, CancellationToken cancellationToken) =>
        SyncCustomersAsync(customers, teamPayers, bookingsOnly: false, cancellationToken);

    public Task<SyncRunOutcome> SyncCustomersAsync(
        IReadOnlyCollection<long> customers, IReadOnlyCollection<long> teamPayers, bool bookingsOnly, CancellationToken cancellationToken)
    {
        _targeted.Writer.TryWrite((customers, teamPayers, time.GetUtcNow(), bookingsOnly));
        return Targeted(customers, cancellationToken);
    }

    public async Task<(WorkerJob Job, DateTimeOffset At)> NextCallAsync(CancellationToken cancellationToken) =>
        await _calls.Reader.ReadAsync(cancellationToken);

    public Task<SyncRunOutcome> SyncAsync(CancellationToken cancellationToken)
    {
        Record(WorkerJob.Sync);
        return Sync(cancellationToken);
    }

    public Task<JobRunOutcome> CheckInsAsync(CancellationToken cancellationToken)
    {
        Record(WorkerJob.CheckIns);
        return CheckIns(cancellationToken);
    }

    private void Record(WorkerJob job)
    {
        var call = (job, time.GetUtcNow());
        lock (Calls)
        {
            Calls.Add(call);
        }

        _calls.Writer.TryWrite(call);
    }
}
