namespace Nexudus.Salto.Sample.Doctor;

/// <summary>One thing <c>doctor</c> found wrong: what, where, and how to fix it.</summary>
internal sealed record DoctorFinding
{
    /// <summary>Gets how bad it is.</summary>
    /// <value>Errors make <c>doctor</c> exit 1; warnings do not.</value>
    public required DoctorSeverity Severity { get; init; }

    /// <summary>Gets what is wrong, in a sentence.</summary>
    /// <value>Plain text naming ids only; never a secret.</value>
    public required string Problem { get; init; }

    /// <summary>Gets where: a configuration key, a Nexudus record or a SALTO site.</summary>
    /// <value>Plain text.</value>
    public required string Where { get; init; }

    /// <summary>Gets how to fix it.</summary>
    /// <value>Plain text.</value>
    public required string Fix { get; init; }
}
