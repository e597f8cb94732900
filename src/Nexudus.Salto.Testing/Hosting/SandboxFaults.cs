namespace Nexudus.Salto.Testing;

/// <summary>The fault rules active on a sandbox; rules are checked in the order they were added.</summary>
/// <remarks>
/// A <see cref="SandboxFaultKind.Latency"/> rule delays the request and lets later rules apply too;
/// any other fault ends the checking. Safe to change while the sandbox is serving.
/// </remarks>
public sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private readonly List<ActiveRule> _rules = [];

    internal SandboxFaults()
    {
    }

    /// <summary>Adds a rule.</summary>
    /// <param name="rule">The rule.</param>
    public void Add(SandboxFaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add(new ActiveRule(rule));
        }
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Picks the faults that apply to one request, spending their call budgets.</summary>
    internal IReadOnlyList<SandboxFault> Take(string method, string path)
    {
        lock (_gate)
        {
            var faults = new List<SandboxFault>();
            foreach (ActiveRule active in _rules)
            {
                if (!active.TryFire(method, path))
                {
                    continue;
                }

                faults.Add(active.Rule.Fault);
                if (active.Rule.Fault.Kind != SandboxFaultKind.Latency)
                {
                    break;
                }
            }

            _rules.RemoveAll(r => r.Spent);
            return faults;
        }
    }

    private sealed class ActiveRule(SandboxFaultRule rule)
    {
        private readonly SandboxPathPattern _pattern = SandboxPathPattern.Parse(rule.PathPattern);

        // Seeded on purpose: the same seed gives the same sequence of faults in every run.
#pragma warning disable CA5394 // Not for security.
        private readonly Random _random = new(rule.Seed);
#pragma warning restore CA5394
        private int _fired;

        public SandboxFaultRule Rule { get; } = rule;

        public bool Spent => Rule.Calls is { } calls && _fired >= calls;

        public bool TryFire(string method, string path)
        {
            if (Spent ||
                (Rule.Method is not null && !string.Equals(Rule.Method, method, StringComparison.OrdinalIgnoreCase)) ||
                !_pattern.Matches(path))
            {
                return false;
            }

#pragma warning disable CA5394 // Not for security.
            if (Rule.Probability < 1 && _random.NextDouble() >= Rule.Probability)
#pragma warning restore CA5394
            {
                return false;
            }

            _fired++;
            return true;
        }
    }
}
