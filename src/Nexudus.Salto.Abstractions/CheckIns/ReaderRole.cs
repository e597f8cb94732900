namespace Nexudus.Salto.CheckIns;

/// <summary>
/// What a door reader (a SALTO lock) means for check-ins, as configured per location in
/// <c>SaltoIntegration:Locations[].Readers</c> (lock id → <c>CheckIn</c> or <c>CheckOut</c>).
/// </summary>
public enum ReaderRole
{
    /// <summary>The lock plays no part in check-ins; its entries still appear in access reports.</summary>
    None = 0,

    /// <summary>A successful opening creates a Nexudus check-in unless the customer already has an open one.</summary>
    CheckIn = 1,

    /// <summary>A successful opening closes the customer's open Nexudus check-in.</summary>
    CheckOut = 2,
}
