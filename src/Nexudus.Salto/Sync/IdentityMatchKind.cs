namespace Nexudus.Salto.Sync;

/// <summary>How a customer was matched to a SALTO user.</summary>
internal enum IdentityMatchKind
{
    /// <summary>Through the state store's identity map.</summary>
    IdentityMap = 0,

    /// <summary>By e-mail (trimmed, case-insensitive), which the sync then remembers.</summary>
    Email = 1,
}
