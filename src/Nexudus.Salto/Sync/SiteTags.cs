namespace Nexudus.Salto.Sync;

/// <summary>What <see cref="TagAssigner"/> prepared for one site before its plan is applied.</summary>
/// <param name="Work">The numbers to assign and the stored assignments to undo.</param>
/// <param name="Resolved">The tag id of each number a registered tag matched.</param>
/// <param name="Usable">Whether tags can be written on the site this run (its tag endpoint exists and answered).</param>
/// <param name="CreationTags">The tag each new user gets at creation: the first of the customer's numbers that resolved.</param>
internal sealed record SiteTags(
    TagWork Work,
    IReadOnlyDictionary<string, string> Resolved,
    bool Usable,
    IReadOnlyDictionary<long, (string Number, string TagId)> CreationTags);
