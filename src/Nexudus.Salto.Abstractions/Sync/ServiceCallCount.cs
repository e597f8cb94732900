namespace Nexudus.Salto.Sync;

/// <summary>How many HTTP calls a sync run made to one service, retries included.</summary>
public sealed record ServiceCallCount
{
    /// <summary>Gets the calls that change nothing: reads (GET) and token requests.</summary>
    /// <value>Zero or more.</value>
    public int Reads { get; init; }

    /// <summary>Gets the calls that change data (POST, PUT, PATCH, DELETE other than token requests).</summary>
    /// <value>Zero or more.</value>
    public int Writes { get; init; }

    /// <summary>Gets every call.</summary>
    /// <value><see cref="Reads"/> plus <see cref="Writes"/>.</value>
    public int Total => Reads + Writes;
}
