using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Nexudus.Salto.Entitlements;

namespace Nexudus.Salto.Benchmarks.Entitlements;

/// <summary>
/// Resolves the generated <see cref="EntitlementWorld"/> (50,000 customers, 200,000 passes, 20,000
/// contracts, 100,000 bookings). Goal on a 2-core machine: ≤ 300 ms per resolve, allocating no
/// more than twice the input's size (the <c>Input</c> column; <c>Alloc/Input</c> is the ratio).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[Config(typeof(InputSizeConfig))]
public class EntitlementResolverBenchmarks
{
    private readonly EntitlementResolver _resolver = new();
    private EntitlementWorld _world = null!;
    private LinkMap _links = null!;

    [GlobalSetup]
    public void Setup()
    {
        _world = EntitlementWorld.Create();
        _links = LinkMapBuilder.Build(_world.Locations, _world.Snapshot);
        var access = _resolver.Resolve(_world.Snapshot, _links, EntitlementWorld.Now);
        Console.WriteLine($"// world: {access.Memberships.Count} memberships, {access.Memberships.Sum(m => m.Grants.Count)} grants, {access.ManagedGroups.Count} groups, next edge {access.NextEdge:O}");
    }

    [Benchmark]
    public DesiredAccess Resolve() => _resolver.Resolve(_world.Snapshot, _links, EntitlementWorld.Now);

    [Benchmark]
    public LinkMap BuildLinkMap() => LinkMapBuilder.Build(_world.Locations, _world.Snapshot);

    private sealed class InputSizeConfig : ManualConfig
    {
        public InputSizeConfig()
        {
            AddColumn(new InputSizeColumn(ratio: false), new InputSizeColumn(ratio: true));
        }
    }

    /// <summary>The retained size of the generated input (measured in the host process), and allocations relative to it.</summary>
    private sealed class InputSizeColumn(bool ratio) : IColumn
    {
        private static readonly Lazy<long> InputBytes = new(Measure);

        public string Id => ratio ? "AllocPerInput" : "InputSize";

        public string ColumnName => ratio ? "Alloc/Input" : "Input";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => ratio ? 1 : 0;

        public bool IsNumeric => true;

        public UnitType UnitType => ratio ? UnitType.Dimensionless : UnitType.Size;

        public string Legend => ratio
            ? "Allocated bytes per operation divided by the input's retained size"
            : "Retained size of the generated snapshot and link configuration";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (!ratio)
            {
                return $"{InputBytes.Value / (1024.0 * 1024.0):N1} MB";
            }

            var allocated = summary[benchmarkCase]?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return allocated is { } bytes ? $"{bytes / (double)InputBytes.Value:N2}" : "?";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        private static long Measure()
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var world = EntitlementWorld.Create();
            var after = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(world);
            return after - before;
        }
    }
}
