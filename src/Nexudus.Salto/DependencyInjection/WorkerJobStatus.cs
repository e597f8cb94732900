namespace Nexudus.Salto.DependencyInjection;

/// <summary>What the worker knows about one job's recent runs; an immutable snapshot.</summary>
internal sealed record WorkerJobStatus
{
    /// <summary>Gets when a run of the job last succeeded.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>Gets when a run of the job last failed.</summary>
    public DateTimeOffset? LastFailureAt { get; init; }

    /// <summary>Gets a short description of the last failure (an exception type or a summary; never a secret).</summary>
    public string? LastFailure { get; init; }

    /// <summary>Gets what went wrong in the last run that otherwise succeeded (parts the engine retries itself), if anything.</summary>
    public string? LastWarning { get; init; }

    /// <summary>Gets how many runs in a row failed; zero after a success.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>Gets whether the job is quarantined: tried only rarely until a run succeeds.</summary>
    public bool Quarantined { get; init; }
}
