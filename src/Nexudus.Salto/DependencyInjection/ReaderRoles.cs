namespace Nexudus.Salto.DependencyInjection;

/// <summary>The values a <c>Readers</c> entry may take: what a successful entry on that lock means.</summary>
internal static class ReaderRoles
{
    /// <summary>A successful entry opens a Nexudus check-in.</summary>
    public const string CheckIn = "CheckIn";

    /// <summary>A successful entry closes the customer's open check-in.</summary>
    public const string CheckOut = "CheckOut";

    /// <summary>Tells whether <paramref name="role"/> is one of the two roles, ignoring case.</summary>
    public static bool IsKnown(string? role) =>
        string.Equals(role?.Trim(), CheckIn, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(role?.Trim(), CheckOut, StringComparison.OrdinalIgnoreCase);
}
