namespace Nexudus.Salto.Sample.Doctor;

/// <summary>What <c>doctor</c> checked and found.</summary>
internal sealed record DoctorReport
{
    /// <summary>Gets the checks that were made, each with a one-line result.</summary>
    /// <value>In the order they ran.</value>
    public required IReadOnlyList<(string Check, string Result)> Checks { get; init; }

    /// <summary>Gets the problems found.</summary>
    /// <value>Errors first, then warnings; empty when all is well.</value>
    public required IReadOnlyList<DoctorFinding> Findings { get; init; }

    /// <summary>Gets whether anything is wrong enough to fail.</summary>
    /// <value><see langword="true"/> when any finding is an error.</value>
    public bool HasErrors => Findings.Any(f => f.Severity == DoctorSeverity.Error);
}
