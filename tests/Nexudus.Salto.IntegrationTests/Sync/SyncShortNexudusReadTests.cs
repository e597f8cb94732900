using System.Net;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>
/// Nexudus answers that look empty but are not Nexudus pages (found by the chaos soak): none of them removes anyone,
/// whatever the guard's limits.
/// </summary>
public sealed class SyncShortNexudusReadTests
{
    // Limits high enough that the guard would let every removal through: only a failed read protects the members.
    private static AccessSyncOptions Permissive(NexudusSeed seed) =>
        Options(seed, o => o with { Safety = new RevocationSafety { MaxRevocations = 1000, MaxRevocationPercent = 100 } });

    [Fact]
    public async Task Synchronize_NexudusAnswersThePassListWithRecordsButNoPaging_RemovesNoOne()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b =>
        {
            b.Customers(5, "member");
            foreach (var i in Enumerable.Range(1, 5))
            {
                b.CustomerPass($"member{i:0000}@example.com", "Day Pass", p => p with { ExpireDate = Start.AddDays(30) });
            }
        });
        await h.SyncAsync(Options(seed));
        Assert.Equal(5, h.Members(PassGroup).Count);
        h.Nexudus.Faults.Add(SandboxFaultRule.On("GET", "/api/billing/coworkertimepasses", SandboxFault.Response(200, """{"Records":[]}""")));

        var report = await h.SyncAsync(Permissive(seed));

        Assert.Equal(5, h.Members(PassGroup).Count);
        Assert.DoesNotContain(report.Changes, c => c.Kind == MembershipChangeKind.Remove && c.Outcome != SyncChangeOutcome.Held);
        Assert.Equal(SyncResult.Failed, report.Result);
        Assert.Contains(RevocationHoldReason.NexudusReadFailed, report.Revocation.Reasons);
    }

    [Fact]
    public async Task Synchronize_NexudusAnswersTheContractBatchReadEmpty_RemovesNoOneFromTheOffice()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b =>
        {
            b.Customers(3, "tenant");
            foreach (var i in Enumerable.Range(1, 3))
            {
                b.Contract($"tenant{i:0000}@example.com", "Office plan", Start.AddDays(-10), ["Office 101"]);
            }
        });
        await h.SyncAsync(Options(seed));
        Assert.Equal(3, h.Members(OfficeGroup).Count);

        // The contracts are listed in full, but the read of their full records by id (for their desks) comes back [].
        h.Hook.OnResponse = (request, response) =>
        {
            if (request.RequestUri!.AbsolutePath.Contains("coworkercontracts", StringComparison.Ordinal) &&
                request.RequestUri.Query.StartsWith("?id=", StringComparison.Ordinal))
            {
                response.Dispose();
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]", System.Text.Encoding.UTF8, "application/json") });
            }

            return Task.FromResult(response);
        };

        var report = await h.SyncAsync(Permissive(seed));

        Assert.Equal(3, h.Members(OfficeGroup).Count);
        Assert.DoesNotContain(report.Changes, c => c.Kind == MembershipChangeKind.Remove && c.Outcome != SyncChangeOutcome.Held);
        Assert.Equal(SyncResult.Failed, report.Result);
        Assert.Contains(RevocationHoldReason.NexudusReadFailed, report.Revocation.Reasons);
    }
}
