namespace Nexudus.Salto.Entitlements;

/// <summary>The kinds of Nexudus item that can be linked to SALTO access groups.</summary>
public enum LinkedItemKind
{
    /// <summary>A pass definition (<c>TimePass</c>); customers holding it get its groups.</summary>
    TimePass = 0,

    /// <summary>A floor-plan desk or office (<c>FloorPlanDesk</c>), reached through contracts and desk bookings.</summary>
    FloorPlanDesk = 1,

    /// <summary>A bookable resource (<c>Resource</c>), reached through bookings.</summary>
    Resource = 2,
}
