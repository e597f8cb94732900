namespace Nexudus.Salto.Sample;

/// <summary>The sample's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Done = 0;

    /// <summary>The command failed; stderr has a one-line reason.</summary>
    public const int Failed = 1;

    /// <summary>The sync applied its adds but the revocation guard held its removals.</summary>
    public const int RemovalsHeld = 2;

    /// <summary>Stopped by Ctrl+C (SIGINT): 128 + 2, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (a service manager, <c>kill</c>): 128 + 15, as shells report it.</summary>
    public const int Terminated = 143;
}
