using BenchmarkDotNet.Running;
using Nexudus.Salto.Benchmarks.Chaos;
using Nexudus.Salto.Benchmarks.Sync;
using Nexudus.Salto.Benchmarks.Webhooks;
using Nexudus.Salto.Benchmarks.Worker;

// "sync-cost" runs the call-cost harness (not a BenchmarkDotNet benchmark: it counts calls and wall time against
// rate-limited sandboxes); "salto-writes" measures a first sync against a slow SALTO at several write concurrencies;
// "scale-out" starts worker processes ("scale-out-worker") sharing one PostgreSQL; "worker-latency" runs the worker against the sandboxes on the real clock and observes
// delays from outside; "webhook-latency" measures webhook received → SALTO PATCH sent; "chaos-soak" runs syncs under
// random faults and judges every membership change ("chaos-child" is its child sync); anything else goes to BenchmarkDotNet.
if (args is ["sync-cost", ..])
{
    return await SyncCostHarness.RunAsync(args[1..]);
}

if (args is ["salto-writes", ..])
{
    return await SaltoWriteConcurrencyHarness.RunAsync(args[1..]);
}

if (args is ["worker-latency", ..])
{
    return await WorkerLatencyHarness.RunAsync(args[1..]);
}

if (args is ["chaos-soak", ..])
{
    return await ChaosSoakHarness.RunAsync(args[1..]);
}

if (args is ["chaos-child", _])
{
    return await ChaosSoakHarness.ChildAsync(args[1..]);
}

if (args is ["webhook-latency", ..])
{
    return await WebhookLatencyHarness.RunAsync(args[1..]);
}

if (args is ["scale-out", ..])
{
    return await Nexudus.Salto.Benchmarks.ScaleOut.ScaleOutHarness.RunAsync(args[1..]);
}

if (args is ["scale-out-worker", ..])
{
    return await Nexudus.Salto.Benchmarks.ScaleOut.ScaleOutWorker.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
