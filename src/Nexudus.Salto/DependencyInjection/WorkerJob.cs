namespace Nexudus.Salto.DependencyInjection;

/// <summary>The jobs the background worker runs.</summary>
internal enum WorkerJob
{
    /// <summary>The full sync: Nexudus entitlements into SALTO KS access groups.</summary>
    Sync = 0,

    /// <summary>The check-in bridge: SALTO KS door entries into Nexudus check-ins.</summary>
    CheckIns = 1,
}
