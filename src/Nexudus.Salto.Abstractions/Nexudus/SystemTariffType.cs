namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The kind of plan a <see cref="Tariff"/> is.
/// </summary>
/// <remarks>Sent as a number; numbers not listed here are kept as they are.</remarks>
public enum SystemTariffType
{
    /// <summary>Full-time private office.</summary>
    FullTimePrivateOffice = 1,

    /// <summary>Part-time private office.</summary>
    PartTimePrivateOffice = 2,

    /// <summary>Full-time dedicated desk.</summary>
    FullTimeDedicatedDesk = 3,

    /// <summary>Part-time dedicated desk.</summary>
    PartTimeDedicatedDesk = 4,

    /// <summary>Full-time hot desk.</summary>
    FullTimeHotDesk = 5,

    /// <summary>Part-time hot desk.</summary>
    PartTimeHotDesk = 6,

    /// <summary>Other full-time plan.</summary>
    FullTimeOther = 7,

    /// <summary>Other part-time plan.</summary>
    PartTimeOther = 8,

    /// <summary>Storage.</summary>
    Storage = 9,

    /// <summary>Virtual office.</summary>
    VirtualOffice = 10,

    /// <summary>Virtual membership.</summary>
    Virtual = 11,

    /// <summary>Any other plan.</summary>
    Other = 99,
}
