using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sandboxes.Nexudus;

/// <summary>Paging invariants of the sandbox's list envelope, for any record count, page size and cap.</summary>
public sealed class NexudusListQueryPropertyTests
{
    private static NexudusEntityKind Coworkers => NexudusEntityKind.ForPath("/api/spaces/coworkers")!;

    private static IReadOnlyList<JsonObject> Records(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new JsonObject { ["Id"] = 1_414_000_000L + i, ["FullName"] = $"Customer {i:0000}" })];

    private static JsonObject Page(int count, int page, int size, int cap)
    {
        var query = new QueryCollection(new Dictionary<string, StringValues>
        {
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["size"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var listQuery = NexudusListQuery.Parse(Coworkers, query, new NexudusSandboxOptions { MaxPageSize = cap }, out _)!;
        return listQuery.ToEnvelope(Records(count));
    }

    [Property(MaxTest = 200)]
    public Property FollowingHasNextPage_VisitsEveryRecordOnceInOrder()
    {
        var counts = Gen.Choose(0, 80).ToArbitrary();
        var sizes = Gen.Choose(1, 40).ToArbitrary();
        return Prop.ForAll(counts, sizes, sizes, (count, size, cap) =>
        {
            var seen = new List<long>();
            var pages = 0;
            JsonObject envelope;
            do
            {
                envelope = Page(count, ++pages, size, cap);
                var records = envelope["Records"]!.AsArray();
                seen.AddRange(records.Select(r => r!["Id"]!.GetValue<long>()));
                if (records.Count > Math.Min(size, cap) || envelope["CurrentPageSize"]!.GetValue<int>() != Math.Min(size, cap))
                {
                    return false;
                }
            }
            while (envelope["HasNextPage"]!.GetValue<bool>() && pages <= count + 1);

            var expectedPages = Math.Max(1, (count + Math.Min(size, cap) - 1) / Math.Min(size, cap));
            return pages == expectedPages && seen.SequenceEqual(Records(count).Select(r => r["Id"]!.GetValue<long>()));
        });
    }
}
