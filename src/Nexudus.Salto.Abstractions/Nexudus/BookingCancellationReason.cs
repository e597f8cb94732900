namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Why a booking was cancelled (<see cref="CancelledBooking.CancellationReason"/>).
/// </summary>
/// <remarks>Sent as a number; numbers not listed here are kept as they are.</remarks>
public enum BookingCancellationReason
{
    /// <summary>No reason recorded.</summary>
    Unknown = 0,

    /// <summary>The booking was no longer needed.</summary>
    NoLongerNeeded = 1,

    /// <summary>The booking was too expensive.</summary>
    TooExpensive = 2,

    /// <summary>A bad previous experience.</summary>
    BadPreviousExperience = 3,

    /// <summary>Rebooked for a different time.</summary>
    RebookedForADifferentTime = 4,

    /// <summary>The customer failed to pay up front.</summary>
    FailedToPayUpfront = 5,

    /// <summary>Cancelled by an integration.</summary>
    Integration = 6,

    /// <summary>Any other reason.</summary>
    Other = 7,

    /// <summary>Cancelled because the customer did not check in.</summary>
    NotCheckedIn = 8,

    /// <summary>Cancelled through the marketplace.</summary>
    MarketPlace = 9,
}
