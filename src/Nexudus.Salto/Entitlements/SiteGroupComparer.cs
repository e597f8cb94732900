namespace Nexudus.Salto.Entitlements;

/// <summary>Compares (site id, group id) pairs ignoring case, as SALTO ids are UUIDs written either way.</summary>
internal sealed class SiteGroupComparer : IEqualityComparer<(string Site, string Group)>
{
    public static readonly SiteGroupComparer Instance = new();

    public bool Equals((string Site, string Group) x, (string Site, string Group) y) =>
        StringComparer.OrdinalIgnoreCase.Equals(x.Site, y.Site) && StringComparer.OrdinalIgnoreCase.Equals(x.Group, y.Group);

    public int GetHashCode((string Site, string Group) obj) =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Site), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Group));
}
