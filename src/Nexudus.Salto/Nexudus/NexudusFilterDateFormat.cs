namespace Nexudus.Salto.Nexudus;

/// <summary>How dates are written in <c>from_</c>/<c>to_</c> range filters (always in UTC).</summary>
public enum NexudusFilterDateFormat
{
    /// <summary>The documented <c>yyyy-MM-ddTHH:mm</c>, a UTC value written without a zone; seconds are cut off.</summary>
    Minutes = 0,

    /// <summary><c>yyyy-MM-ddTHH:mm:ssZ</c>, UTC with <c>Z</c> as working clients send it; the default.</summary>
    SecondsUtc = 1,
}
