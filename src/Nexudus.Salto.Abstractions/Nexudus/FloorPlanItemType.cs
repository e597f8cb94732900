namespace Nexudus.Salto.Nexudus;

/// <summary>
/// What a <see cref="FloorPlanDesk"/> represents (Nexudus <c>eFloorPlanItemType</c>).
/// </summary>
/// <remarks>Sent as a number; numbers not listed here are kept as they are.</remarks>
public enum FloorPlanItemType
{
    /// <summary>A private office.</summary>
    Office = 1,

    /// <summary>A dedicated desk.</summary>
    DedicatedDesk = 2,

    /// <summary>A hot desk.</summary>
    HotDesk = 3,

    /// <summary>Any other floor-plan item.</summary>
    Other = 4,

    /// <summary>A room.</summary>
    Room = 5,
}
