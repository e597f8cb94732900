namespace Nexudus.Salto.SaltoKs;

/// <summary>The vendor details of a lock (<c>vendor</c>).</summary>
public sealed record LockVendor
{
    /// <summary>Gets the vendor's reference for the lock.</summary>
    public string? Reference { get; init; }
}
