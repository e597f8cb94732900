namespace Nexudus.Salto.Testing;

/// <summary>A fixed-window limit on API calls: past <see cref="PermitLimit"/> calls in a window, 429 with <c>Retry-After</c>.</summary>
/// <remarks>Token requests are not limited. Windows are measured on the sandbox's <see cref="TimeProvider"/>.</remarks>
public sealed record SaltoKsRateLimit
{
    /// <summary>Gets the number of calls allowed per window.</summary>
    public required int PermitLimit { get; init; }

    /// <summary>Gets the window's length.</summary>
    /// <value>One minute by default.</value>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);
}
