namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Whether a <see cref="Coworker"/> is a person or a company.
/// </summary>
/// <remarks>Sent as a number; numbers not listed here are kept as they are.</remarks>
public enum CoworkerType
{
    /// <summary>An individual person.</summary>
    Individual = 1,

    /// <summary>A company account.</summary>
    Company = 2,
}
