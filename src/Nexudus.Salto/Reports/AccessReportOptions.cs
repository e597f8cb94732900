using Nexudus.Salto.CheckIns;

namespace Nexudus.Salto.Reports;

/// <summary>Settings of the <see cref="AccessReportBuilder"/>.</summary>
public sealed record AccessReportOptions
{
    /// <summary>Gets the locations to report on, with their SALTO sites and readers (the same entries as the check-in bridge's).</summary>
    /// <value>Empty by default. A site named by several locations is read once; its entries belong to the location whose reader they came from, else to the first.</value>
    public IReadOnlyList<IntegrationLocation> Locations { get; init; } = [];

    /// <summary>Gets how entries are judged openings, rejections or neither.</summary>
    /// <value><see cref="DoorEntryClassifier.Default"/>.</value>
    public DoorEntryClassifier EntryClassifier { get; init; } = DoorEntryClassifier.Default;

    /// <summary>Gets the SALTO entries page size to ask for; customers are looked up one page at a time.</summary>
    /// <value><see langword="null"/> for the SALTO client's configured page size.</value>
    public int? EntriesPageSize { get; init; }
}
