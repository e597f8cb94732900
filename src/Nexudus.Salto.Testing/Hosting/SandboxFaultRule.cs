namespace Nexudus.Salto.Testing;

/// <summary>
/// When a <see cref="SandboxFault"/> applies: requests whose method and path match, for the next
/// N of them or with a seeded probability. Add rules to a sandbox's <see cref="SandboxFaults"/>.
/// </summary>
/// <example>
/// <code>
/// sandbox.Faults.Add(SandboxFaultRule
///     .On("PATCH", "/v1.1/sites/*/access_groups/*/users", SandboxFault.HtmlError(503))
///     .ForNextCalls(2));
/// </code>
/// </example>
public sealed record SandboxFaultRule
{
    private SandboxFaultRule(string? method, string pathPattern, SandboxFault fault)
    {
        Method = method;
        PathPattern = pathPattern;
        Fault = fault;
    }

    /// <summary>Gets the HTTP method the rule applies to.</summary>
    /// <value><see langword="null"/> for any method.</value>
    public string? Method { get; }

    /// <summary>
    /// Gets the path pattern: <c>*</c> or <c>{name}</c> stand for one segment, a trailing <c>**</c> for any rest.
    /// </summary>
    public string PathPattern { get; }

    /// <summary>Gets the fault injected.</summary>
    public SandboxFault Fault { get; }

    /// <summary>Gets how many matching requests the fault applies to before the rule retires.</summary>
    /// <value><see langword="null"/> (the default) for every matching request.</value>
    public int? Calls { get; init; }

    /// <summary>Gets the chance, from 0 to 1, that a matching request gets the fault.</summary>
    /// <value>1 (always) by default.</value>
    public double Probability { get; init; } = 1;

    /// <summary>Gets the seed of the random draws, so a run with <see cref="Probability"/> below 1 repeats exactly.</summary>
    /// <value>0 by default.</value>
    public int Seed { get; init; }

    /// <summary>Creates a rule for every request with this method and path.</summary>
    /// <param name="method">The HTTP method, e.g. <c>PATCH</c>; <see langword="null"/> for any.</param>
    /// <param name="pathPattern">The path pattern, e.g. <c>/v1.1/sites/{site_id}/users</c> or <c>/**</c> for every path.</param>
    /// <param name="fault">The fault to inject.</param>
    /// <returns>The rule.</returns>
    public static SandboxFaultRule On(string? method, string pathPattern, SandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _ = SandboxPathPattern.Parse(pathPattern);
        return new SandboxFaultRule(method, pathPattern, fault);
    }

    /// <summary>Limits the rule to the next <paramref name="calls"/> matching requests.</summary>
    /// <param name="calls">The number of requests, at least 1.</param>
    /// <returns>A copy of the rule with the limit.</returns>
    public SandboxFaultRule ForNextCalls(int calls)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(calls, 1);
        return this with { Calls = calls };
    }

    /// <summary>Makes the rule apply to a matching request with a seeded probability.</summary>
    /// <param name="probability">The chance, from 0 to 1.</param>
    /// <param name="seed">The seed of the random draws.</param>
    /// <returns>A copy of the rule with the probability.</returns>
    public SandboxFaultRule WithProbability(double probability, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        return this with { Probability = probability, Seed = seed };
    }
}
