namespace Nexudus.Salto.Nexudus;

/// <summary>
/// How a <see cref="CheckIn"/> was recorded (read-only on the wire).
/// </summary>
/// <remarks>Sent as a number; numbers not listed here are kept as they are.</remarks>
public enum CheckInSource
{
    /// <summary>No source recorded.</summary>
    None = 0,

    /// <summary>Entered by hand.</summary>
    Manual = 1,

    /// <summary>Opened or closed by a door-access integration.</summary>
    DoorAccess = 2,

    /// <summary>Detected from network activity.</summary>
    NetworkActivity = 3,

    /// <summary>Recorded from a dashboard tile.</summary>
    Tile = 4,

    /// <summary>Recorded by a sensor.</summary>
    Sensor = 5,
}
