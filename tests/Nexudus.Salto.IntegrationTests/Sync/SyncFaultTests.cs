using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>
/// Faults converge: 5xx bursts, throttling, token expiry mid-run and dropped connections leave the groups as desired
/// after at most one extra run, and no run ever adds someone who is not entitled.
/// </summary>
public sealed class SyncFaultTests
{
    // Each fault with SALTO writes one after another and overlapped.
    public static TheoryData<string, int> Faults()
    {
        var data = new TheoryData<string, int>();
        foreach (var fault in new[] { "salto-5xx-burst", "nexudus-5xx-burst", "nexudus-throttling", "salto-throttling", "token-expiry", "dropped-connections" })
        {
            data.Add(fault, 1);
            data.Add(fault, 4);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Synchronize_UnderFault_ConvergesWithinOneExtraRunAndNeverAddsAStranger(string fault, int writeConcurrency)
    {
        await using var h = await StartAsync(salto: OlderTagReading); // the churn world assigns tags
        var options = await ChurnWorld.PrepareAsync(h) with { SaltoWriteConcurrency = writeConcurrency };
        Inject(h, fault);

        var tokensBefore = TokenRequests(h);
        await h.SyncAsync(options);
        ChurnWorld.AssertNoStranger(h);
        await ChurnWorld.AssertLedgerTruthfulAsync(h);
        var fired = h.Nexudus.Requests.GetCounters().FaultsInjected + h.Salto.Requests.GetCounters().FaultsInjected + (TokenRequests(h) - tokensBefore);
        Assert.True(fired > 0, "The fault never fired, so the test proves nothing.");

        h.Nexudus.Faults.Clear();
        h.Salto.Faults.Clear();
        h.Hook.OnRequest = null;
        h.Time.Advance(TimeSpan.FromMinutes(2)); // past the first back-off of any group that failed
        await h.SyncAsync(options);

        ChurnWorld.AssertConverged(h);
        await ChurnWorld.AssertLedgerTruthfulAsync(h);
        await ChurnWorld.AssertLedgerCompleteAsync(h);
    }

    private static int TokenRequests(SyncHarness h) =>
        h.Nexudus.Requests.Count("POST", "/api/token") + h.Salto.Requests.GetRequests().Count(r => r.Path.EndsWith("/connect/token", StringComparison.Ordinal));

    private static void Inject(SyncHarness h, string fault)
    {
        switch (fault)
        {
            case "salto-5xx-burst":
                // Longer than the client's retries: the first group change and two user creations fail outright.
                h.Salto.Faults.Add(SandboxFaultRule.On("PATCH", $"/v1.1/sites/{SiteId}/access_groups/*/users", SaltoKsFaults.InternalError()).ForNextCalls(5));
                h.Salto.Faults.Add(SandboxFaultRule.On("POST", $"/v1.1/sites/{SiteId}/users", SaltoKsFaults.InternalError()).ForNextCalls(2));
                break;
            case "nexudus-5xx-burst":
                h.Nexudus.Faults.Add(SandboxFaultRule.On("GET", "/api/billing/coworkercontracts", SandboxFault.Response(503)).ForNextCalls(8));
                break;
            case "nexudus-throttling":
                h.Nexudus.Faults.Add(SandboxFaultRule.On("GET", "/api/**", SandboxFault.Throttle(409, TimeSpan.Zero, """{"Message":"You must wait before accessing this url again."}""")).ForNextCalls(4));
                break;
            case "salto-throttling":
                h.Salto.Faults.Add(SandboxFaultRule.On(null, "/v1.1/**", SaltoKsFaults.TooManyRequests(TimeSpan.Zero)).WithProbability(0.3, seed: 7));
                break;
            case "token-expiry":
                h.Hook.OnRequest = (n, _) =>
                {
                    if (n % 7 == 0)
                    {
                        h.Nexudus.ExpireAccessTokens();
                        h.Salto.ExpireAllTokens();
                    }

                    return HookAction.None;
                };
                break;
            case "dropped-connections":
                h.Nexudus.Faults.Add(SandboxFaultRule.On(null, "/api/**", SandboxFault.DropConnection()).WithProbability(0.2, seed: 3));
                h.Salto.Faults.Add(SandboxFaultRule.On(null, "/v1.1/**", SandboxFault.DropConnection()).WithProbability(0.2, seed: 5));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault));
        }
    }
}
