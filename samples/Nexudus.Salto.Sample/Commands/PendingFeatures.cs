namespace Nexudus.Salto.Sample.Commands;

/// <summary>
/// What the sample says, honestly, about parts of the SDK that are being built and are not in this build yet.
/// Each line goes when its part lands and its command is wired in.
/// </summary>
internal static class PendingFeatures
{
    /// <summary>The sync engine (issue 7).</summary>
    public const string SyncEngine =
        "Not available in this build yet: the sync engine (Nexudus.Salto.Sync, issue 7) has not landed. `doctor` checks the configuration and links meanwhile.";

    /// <summary>The check-in bridge (issue 8).</summary>
    public const string CheckInBridge =
        "Not available in this build yet: the check-in bridge (Nexudus.Salto.CheckIns, issue 8) has not landed.";

    /// <summary>The reports (issue 8).</summary>
    public const string Reports =
        "Not available in this build yet: the access reports (Nexudus.Salto.Reports, issue 8) have not landed.";

    /// <summary>The background worker (issue 9).</summary>
    public const string Worker =
        "Not available in this build yet: the background worker (services.AddSaltoIntegration(...).AddWorker(), issue 9) has not landed.";
}
