namespace Nexudus.Salto.Testing;

/// <summary>
/// The fault rules of a sandbox: which requests fail, how, and how often.
/// </summary>
/// <remarks>
/// <para>
/// A route pattern is an optional method and a path, separated by a space:
/// <c>GET /api/spaces/coworkers</c>, <c>/api/spaces/*</c> (any method), <c>* /api/token</c>.
/// In the path, <c>*</c> matches any run of characters (slashes included); matching ignores case
/// and a trailing slash. A pattern equal to a route template such as
/// <c>GET /api/spaces/coworkers/{id}</c> matches that route too.
/// </para>
/// <para>
/// Several rules can match one request: every matching latency applies, then the first matching
/// rule of any other kind. Probabilities draw from a <see cref="Random"/> seeded from the
/// sandbox options, so a run repeats exactly. Thread-safe.
/// </para>
/// </remarks>
public sealed class SandboxFaults
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = [];
    private readonly Random _random;

    internal SandboxFaults(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>Plays <paramref name="fault"/> on the next <paramref name="times"/> requests matching <paramref name="route"/>.</summary>
    /// <param name="route">The route pattern (see remarks of <see cref="SandboxFaults"/>).</param>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many matching requests get it; default one.</param>
    public void Inject(string route, SandboxFault fault, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        Add(route, fault, times, probability: 1);
    }

    /// <summary>Plays <paramref name="fault"/> on every request matching <paramref name="route"/> until <see cref="Clear"/>.</summary>
    /// <param name="route">The route pattern.</param>
    /// <param name="fault">The fault.</param>
    public void InjectAlways(string route, SandboxFault fault) => Add(route, fault, remaining: null, probability: 1);

    /// <summary>Plays <paramref name="fault"/> on each matching request with the given probability until <see cref="Clear"/>.</summary>
    /// <param name="route">The route pattern.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="probability">Between 0 and 1, for example 0.2 for an error rate of 20 %.</param>
    public void InjectRandomly(string route, SandboxFault fault, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        Add(route, fault, remaining: null, probability);
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Gets how many rules are still active (a counted rule ends when used up).</summary>
    public int ActiveRules
    {
        get
        {
            lock (_gate)
            {
                return _rules.Count;
            }
        }
    }

    /// <summary>Draws the faults for one request: every latency that applies, then at most one other fault.</summary>
    internal IReadOnlyList<SandboxFault> Draw(string method, string path, string routeTemplate)
    {
        lock (_gate)
        {
            List<SandboxFault>? drawn = null;
            var terminalTaken = false;
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                var isLatency = rule.Fault.Kind == SandboxFaultKind.Latency;
                if ((!isLatency && terminalTaken) || !rule.Matches(method, path, routeTemplate))
                {
                    continue;
                }

                if (rule.Probability < 1 && _random.NextDouble() >= rule.Probability)
                {
                    continue;
                }

                (drawn ??= []).Add(rule.Fault);
                terminalTaken |= !isLatency;
                if (rule.Remaining is { } remaining)
                {
                    if (remaining <= 1)
                    {
                        _rules.RemoveAt(i--);
                    }
                    else
                    {
                        _rules[i] = rule with { Remaining = remaining - 1 };
                    }
                }
            }

            // Latency first, so a delayed 503 waits and then fails.
            return drawn is null ? [] : [.. drawn.OrderBy(f => f.Kind == SandboxFaultKind.Latency ? 0 : 1)];
        }
    }

    private void Add(string route, SandboxFault fault, int? remaining, double probability)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        ArgumentNullException.ThrowIfNull(fault);
        var rule = Rule.Parse(route, fault, remaining, probability);
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    private sealed record Rule(string? Method, string PathPattern, string Pattern, SandboxFault Fault, int? Remaining, double Probability)
    {
        public static Rule Parse(string route, SandboxFault fault, int? remaining, double probability)
        {
            var text = route.Trim();
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            string? method = null;
            var path = text;
            if (space > 0)
            {
                method = text[..space].Trim();
                path = text[(space + 1)..].Trim();
                if (method == "*")
                {
                    method = null;
                }
            }

            if (!path.StartsWith('/') && !path.StartsWith('*'))
            {
                throw new ArgumentException($"The route pattern '{route}' must have a path starting with '/' or '*'.", nameof(route));
            }

            return new Rule(method, Normalise(path), text, fault, remaining, probability);
        }

        public bool Matches(string method, string path, string routeTemplate)
        {
            if (string.Equals(Pattern, routeTemplate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return Glob(PathPattern, Normalise(path));
        }

        private static string Normalise(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

        private static bool Glob(string pattern, string text)
        {
            // Classic two-pointer wildcard match with back-tracking to the last '*'.
            int p = 0, t = 0, star = -1, mark = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && pattern[p] != '*' && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t]))
                {
                    p++;
                    t++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = t;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++mark;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }
    }
}
