using System.Globalization;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Entitlements;

namespace Nexudus.Salto.Sample.Settings;

/// <summary>
/// The bound <c>SaltoIntegration</c> section (<see cref="SaltoIntegrationOptions"/>) as the sample's commands read it:
/// each location with its configuration path, its links as the resolver takes them, and its readers.
/// </summary>
/// <remarks>A read-only view: binding and validation are the library's (<c>AddSaltoIntegration</c>).</remarks>
internal sealed record IntegrationSettings
{
    /// <summary>Gets the configured locations.</summary>
    /// <value>Empty when none is configured.</value>
    public IReadOnlyList<LocationSettings> Locations { get; init; } = [];

    /// <summary>Gets the bound options the view was made from.</summary>
    /// <value>The options.</value>
    public required SaltoIntegrationOptions Options { get; init; }

    /// <summary>Makes the view.</summary>
    /// <param name="options">The bound options, validated or not.</param>
    /// <returns>The view.</returns>
    public static IntegrationSettings From(SaltoIntegrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new IntegrationSettings
        {
            Options = options,
            Locations = [.. options.Locations.Select((location, index) => new LocationSettings(
                $"{SaltoIntegrationOptions.SectionName}:Locations:{index.ToString(CultureInfo.InvariantCulture)}",
                location.ToLocation()))],
        };
    }

    /// <summary>Gets the locations as the resolver's link inputs.</summary>
    /// <returns>One <see cref="LocationLinks"/> per location.</returns>
    public IReadOnlyList<LocationLinks> ToLocationLinks() => [.. Locations.Select(l => l.Links)];
}
