namespace Nexudus.Salto.SaltoKs;

/// <summary>The IQ (hub) details of a lock (<c>iq</c>).</summary>
public sealed record LockIq
{
    /// <summary>Gets whether the IQ issues one-time passwords, which remote opening needs.</summary>
    public bool? OtpEnabled { get; init; }

    /// <summary>Gets the IQ's data synchronisation state as SALTO KS writes it.</summary>
    public string? DataSyncState { get; init; }

    /// <summary>Gets the IQ's id.</summary>
    public string? Id { get; init; }

    /// <summary>Gets whether the IQ is online; changes reach the locks only through an online IQ.</summary>
    /// <value><see langword="null"/> when the service leaves it out.</value>
    public bool? IsOnline { get; init; }
}
