namespace Nexudus.Salto.Nexudus;

/// <summary>How dates are written in <c>from_</c>/<c>to_</c> range filters (always in UTC).</summary>
public enum NexudusFilterDateFormat
{
    /// <summary>The documented <c>yyyy-MM-ddTHH:mm</c>; seconds are cut off.</summary>
    Minutes = 0,

    /// <summary><c>yyyy-MM-ddTHH:mm:ssZ</c>, the longer form third-party clients send.</summary>
    SecondsUtc = 1,
}
