using BenchmarkDotNet.Running;
using Nexudus.Salto.Benchmarks.Sync;

// "sync-cost" runs the call-cost harness (not a BenchmarkDotNet benchmark: it counts calls and wall time against
// rate-limited sandboxes); anything else goes to BenchmarkDotNet.
if (args is ["sync-cost", ..])
{
    return await SyncCostHarness.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
