namespace Nexudus.Salto.State;

/// <summary>Where the check-in bridge stands for one site.</summary>
public sealed record CheckInCursor
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the time up to which entries are known to be handled.</summary>
    /// <value>A UTC instant, or <see langword="null"/> before the first run.</value>
    public DateTimeOffset? Watermark { get; init; }
}
