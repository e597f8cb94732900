using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Benchmarks.Chaos;

/// <summary>What the soak breaks; each is counted when it actually hit a request (or a process).</summary>
internal enum ChaosFaultKind
{
    ServerError,
    ThrottleWithRetryAfter,
    HtmlBody,
    TruncatedJson,
    EmptyList,
    EmptyObject,
    SlowReply,
    DroppedConnection,
    LostWriteAnswer,
    TokenRevocation,
    ChildKilled,
}

/// <summary>
/// Arms random faults on both sandboxes for one cycle: at most one answering fault and one slow-reply rule per
/// service, so what hit a request can be told from the request log (its <see cref="SandboxFaultKind"/>).
/// </summary>
internal static class ChaosFaults
{
    private static readonly (string? Method, string Pattern)[] NexudusRoutes =
    [
        ("GET", "/api/spaces/coworkers"),
        ("GET", "/api/billing/coworkertimepasses"),
        ("GET", "/api/billing/coworkercontracts"),
        ("GET", "/api/spaces/teams"),
        ("GET", "/api/spaces/bookings"),
        ("GET", "/api/sys/floorplandesks"),
        ("GET", "/api/spaces/resources"),
        ("GET", "/api/sys/**"),
        ("GET", "/api/**"),
        ("POST", "/api/token"),
    ];

    private static readonly (string? Method, string Pattern)[] SaltoRoutes =
    [
        ("GET", "/*/sites/*/users"),
        ("GET", "/*/sites/*/access_groups/*/users"),
        ("PATCH", "/*/sites/*/access_groups/*/users"),
        ("POST", "/*/sites/*/users"),
        ("GET", "/*/sites/**"),
        (null, "/*/sites/**"),
        ("POST", "/identity/connect/token"),
    ];

    /// <summary>An armed answering fault: its kind for the report and what the request log will show.</summary>
    internal sealed record Armed(ChaosFaultKind Kind, SandboxFaultKind LoggedAs);

    /// <summary>Arms this cycle's faults on one sandbox; returns what was armed.</summary>
    public static List<Armed> Arm(SandboxFaults faults, bool nexudus, Random random, TimeSpan slowest, int longestRetryAfterSeconds)
    {
        var armed = new List<Armed>();
        var routes = nexudus ? NexudusRoutes : SaltoRoutes;
        if (random.NextDouble() < 0.25)
        {
            var (method, pattern) = routes[random.Next(routes.Length)];
            var delay = TimeSpan.FromMilliseconds(random.Next(300, (int)slowest.TotalMilliseconds));
            faults.Add(Rule(SandboxFaultRule.On(method, pattern, SandboxFault.Latency(delay)), random));
            armed.Add(new Armed(ChaosFaultKind.SlowReply, SandboxFaultKind.Latency));
        }

        if (random.NextDouble() < 0.55)
        {
            var (method, pattern) = routes[random.Next(routes.Length)];
            var (kind, fault) = Pick(nexudus, method, pattern, random, longestRetryAfterSeconds);
            faults.Add(Rule(SandboxFaultRule.On(method, pattern, fault), random));
            armed.Add(new Armed(kind, fault.Kind));
        }

        return armed;
    }

    private static SandboxFaultRule Rule(SandboxFaultRule rule, Random random)
    {
        var calls = random.Next(1, 4);
        var probability = random.NextDouble() < 0.5 ? 1 : 0.4;
        return rule.WithProbability(probability, random.Next()).ForNextCalls(calls);
    }

    private static (ChaosFaultKind, SandboxFault) Pick(bool nexudus, string? method, string pattern, Random random, int longestRetryAfterSeconds)
    {
        // A JSON answer of 200 ({} or an empty list) is a fault a read can get (a broken page, a proxy's cache); a write
        // answered 2xx in the API's own JSON is taken as done by any client, so no write gets one without being served.
        // A write may still get a 200 sign-in page (HTML), which is never the API's answer.
        var list = method == "GET" && !pattern.EndsWith("**", StringComparison.Ordinal);
        var read = method == "GET" || pattern.Contains("token", StringComparison.Ordinal);
        var choices = list ? 9 : read ? 7 : 6;
        return random.Next(choices) switch
        {
            0 => (ChaosFaultKind.ServerError, nexudus ? SandboxFault.Response(random.Next(2) == 0 ? 500 : 503, """{"Message":"An error has occurred."}""") : SaltoKsFaults.InternalError()),
            1 => (ChaosFaultKind.ThrottleWithRetryAfter, nexudus ? NexudusFaults.Throttled(TimeSpan.FromSeconds(random.Next(1, longestRetryAfterSeconds + 1))) : SaltoKsFaults.TooManyRequests(TimeSpan.FromSeconds(random.Next(1, longestRetryAfterSeconds + 1)))),
            2 => (ChaosFaultKind.HtmlBody, random.Next(2) == 0 ? SandboxFault.HtmlError(502) : SandboxFault.Response(200, "<!DOCTYPE html><html><body><h1>Please sign in</h1></body></html>", "text/html; charset=utf-8")),
            3 => (ChaosFaultKind.TruncatedJson, SandboxFault.MalformedBody()),
            4 => (ChaosFaultKind.DroppedConnection, SandboxFault.DropConnection()),
            5 => (ChaosFaultKind.LostWriteAnswer, SandboxFault.DropResponse()),
            6 => (ChaosFaultKind.EmptyObject, SandboxFault.Response(200, "{}")),
            _ => (ChaosFaultKind.EmptyList, SandboxFault.Response(200, EmptyList(nexudus, pattern, random))),
        };
    }

    // Nexudus lists are {"Records": [...], paging}; SALTO's site users a bare array, its other lists {"items": [...]}.
    private static string EmptyList(bool nexudus, string pattern, Random random) =>
        nexudus
            ? (random.Next(2) == 0 ? """{"Records":[]}""" : "[]")
            : pattern.Contains("access_groups", StringComparison.Ordinal) ? (random.Next(2) == 0 ? """{"items":[],"next_page_link":null}""" : "[]") : "[]";
}
