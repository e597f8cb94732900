namespace Nexudus.Salto.Testing;

/// <summary>
/// The rate limits a <see cref="NexudusSandbox"/> enforces, answering <c>409 Conflict</c> with
/// <c>Retry-After</c> (in whole seconds) when one is exceeded, as Nexudus does.
/// </summary>
/// <remarks>
/// The defaults are the documented limits. They count every request the sandbox
/// receives, token requests included, on the sandbox's <see cref="TimeProvider"/>; throttled
/// requests are not counted, so a client that waits for <c>Retry-After</c> gets through. Set
/// <see cref="Enabled"/> to <see langword="false"/> in tests that are not about throttling, or
/// <see cref="Scale"/> them down to reach a limit quickly.
/// </remarks>
public sealed class NexudusRateLimits
{
    /// <summary>Gets or sets whether any limit is enforced.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the least time between two requests; <see cref="TimeSpan.Zero"/> turns the limit off.</summary>
    /// <value>Default 100 ms (one request per 100 ms).</value>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the most requests in any 60 seconds; 0 turns the limit off.</summary>
    /// <value>Default 120.</value>
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>Gets or sets the most requests in any hour; 0 turns the limit off.</summary>
    /// <value>Default 5000.</value>
    public int RequestsPerHour { get; set; } = 5000;

    /// <summary>Gets or sets the most requests in any 24 hours; 0 turns the limit off.</summary>
    /// <value>Default 200,000.</value>
    public int RequestsPerDay { get; set; } = 200_000;

    /// <summary>Gets or sets the most writes (POST, PUT, DELETE) in any 60 seconds; 0 turns the limit off.</summary>
    /// <value>Default 60.</value>
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>Gets or sets the most writes in any 24 hours; 0 turns the limit off.</summary>
    /// <value>Default 5000.</value>
    public int WritesPerDay { get; set; } = 5000;

    /// <summary>Gets limits with nothing enforced.</summary>
    public static NexudusRateLimits Disabled => new() { Enabled = false };

    /// <summary>
    /// Returns a copy with every count limit multiplied by <paramref name="factor"/> (rounded, at
    /// least 1), keeping <see cref="MinInterval"/>; for example <c>Scale(0.05)</c> allows 6 calls a minute.
    /// </summary>
    /// <param name="factor">The multiplier, above zero.</param>
    /// <returns>The scaled limits.</returns>
    public NexudusRateLimits Scale(double factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        return new NexudusRateLimits
        {
            Enabled = Enabled,
            MinInterval = MinInterval,
            RequestsPerMinute = ScaleOne(RequestsPerMinute, factor),
            RequestsPerHour = ScaleOne(RequestsPerHour, factor),
            RequestsPerDay = ScaleOne(RequestsPerDay, factor),
            WritesPerMinute = ScaleOne(WritesPerMinute, factor),
            WritesPerDay = ScaleOne(WritesPerDay, factor),
        };
    }

    internal NexudusRateLimits Copy() => Scale(1);

    private static int ScaleOne(int limit, double factor) =>
        limit <= 0 ? 0 : Math.Max(1, (int)Math.Round(limit * factor, MidpointRounding.AwayFromZero));
}
