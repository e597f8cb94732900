namespace Nexudus.Salto.Sample.Settings;

/// <summary>What an opening at a lock means for Nexudus (SPEC §2 <c>Readers</c>).</summary>
internal enum ReaderRole
{
    /// <summary>An opening checks the customer in.</summary>
    CheckIn = 0,

    /// <summary>An opening closes the customer's open check-in.</summary>
    CheckOut = 1,
}
