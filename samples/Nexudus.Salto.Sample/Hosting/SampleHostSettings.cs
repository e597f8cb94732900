namespace Nexudus.Salto.Sample.Hosting;

/// <summary>Where a command's configuration comes from, besides <c>appsettings.json</c> and the environment.</summary>
internal sealed record SampleHostSettings
{
    /// <summary>Gets the configuration-style arguments (<c>--Nexudus:BaseUrl=…</c>).</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<string> ConfigurationArguments { get; init; } = [];

    /// <summary>Gets a JSON settings file of the deployment (<c>--settings</c>).</summary>
    /// <value><see langword="null"/> by default.</value>
    public string? SettingsFile { get; init; }

    /// <summary>Gets values that override the files but not the environment or the command line (the demo's log levels).</summary>
    /// <value><see langword="null"/> by default.</value>
    public IReadOnlyDictionary<string, string?>? DefaultValues { get; init; }

    /// <summary>Gets whether the host runs the background worker (<c>watch</c>).</summary>
    /// <value><see langword="false"/> by default: one-shot commands run their part themselves.</value>
    public bool RunWorker { get; init; }

    /// <summary>
    /// Gets whether the host is a web application that serves the Nexudus webhook endpoint and <c>GET /healthz</c>
    /// on the addresses of the standard <c>Urls</c> setting (implies <see cref="RunWorker"/>).
    /// </summary>
    public bool ServeWebhooks { get; init; }

    /// <summary>Gets values that override every other source (the demo's sandbox addresses and links).</summary>
    /// <value><see langword="null"/> by default.</value>
    public IReadOnlyDictionary<string, string?>? FixedValues { get; init; }

    /// <summary>
    /// Gets a value indicating whether the command only looks (<c>sync --dry-run</c>): a SQLite state file that does not
    /// exist yet is read as empty state instead of being created (no folder, no schema).
    /// </summary>
    public bool DryRun { get; init; }
}
