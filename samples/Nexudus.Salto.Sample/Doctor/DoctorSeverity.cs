namespace Nexudus.Salto.Sample.Doctor;

/// <summary>How bad a <see cref="DoctorFinding"/> is.</summary>
internal enum DoctorSeverity
{
    /// <summary>Worth knowing; the integration still works as configured.</summary>
    Warning = 0,

    /// <summary>Something will not work (a link grants nothing, a login fails, a door is never bridged).</summary>
    Error = 1,
}
