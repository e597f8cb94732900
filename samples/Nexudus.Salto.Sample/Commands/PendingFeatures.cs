namespace Nexudus.Salto.Sample.Commands;

/// <summary>
/// What the sample says, honestly, about parts of the SDK that are being built and are not in this build yet.
/// Each line goes when its part lands and its command is wired in.
/// </summary>
internal static class PendingFeatures
{
    /// <summary>The background worker (issue 9).</summary>
    public const string Worker =
        "Not available in this build yet: the background worker (services.AddSaltoIntegration(...).AddWorker(), issue 9) has not landed.";
}
