using System.Globalization;
using Microsoft.Extensions.Configuration;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Entitlements;

namespace Nexudus.Salto.Sample.Settings;

/// <summary>
/// The <c>SaltoIntegration</c> section of SPEC §2 as the sample reads it: the locations with their links,
/// door readers and group ownership, and the revocation guard's limits.
/// </summary>
/// <remarks>
/// A stand-in until <c>services.AddSaltoIntegration(configuration)</c> (issue 9) binds and validates this
/// section in the library; the keys are exactly those of SPEC §2, so a deployment's settings do not change
/// when it lands.
/// </remarks>
internal sealed record IntegrationSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SaltoIntegration";

    /// <summary>Gets the state store's SQLite file.</summary>
    /// <value><c>nexudus-salto.db</c> by default.</value>
    public string StatePath { get; init; } = "nexudus-salto.db";

    /// <summary>Gets the configured locations.</summary>
    /// <value>Empty when none is configured.</value>
    public IReadOnlyList<LocationSettings> Locations { get; init; } = [];

    /// <summary>Gets the revocation guard's removal count limit.</summary>
    /// <value>25 by default.</value>
    public int MaxRevocations { get; init; } = 25;

    /// <summary>Gets the revocation guard's removal share limit, in percent of the site's managed memberships.</summary>
    /// <value>20 by default.</value>
    public double MaxRevocationPercent { get; init; } = 20;

    /// <summary>Gets how far back the check-in bridge reads on its first run, before it has a watermark.</summary>
    /// <value>One hour by default.</value>
    public TimeSpan CheckInLookBack { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Reads the section, collecting every bad key by its full path instead of stopping at the first.</summary>
    /// <param name="configuration">The whole configuration.</param>
    /// <param name="errors">Receives one message per bad key.</param>
    /// <returns>The settings; parts with errors keep their defaults.</returns>
    public static IntegrationSettings Read(IConfiguration configuration, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(errors);
        var section = configuration.GetSection(SectionName);
        var reader = new SectionReader(errors);
        var locations = new List<LocationSettings>();
        foreach (var child in section.GetSection("Locations").GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
        {
            locations.Add(LocationSettings.Read(child, reader));
        }

        var safety = section.GetSection("Safety");
        var settings = new IntegrationSettings
        {
            StatePath = section["StatePath"] is { Length: > 0 } path ? path : "nexudus-salto.db",
            Locations = locations,
            MaxRevocations = reader.Int(safety, "MaxRevocations", 25, 0, int.MaxValue),
            MaxRevocationPercent = reader.Double(safety, "MaxRevocationPercent", 20, 0, 100),
            CheckInLookBack = reader.Duration(section, "CheckInLookBack", TimeSpan.FromHours(1), TimeSpan.Zero, TimeSpan.FromDays(30)),
        };

        reader.Unique(locations.Select(l => (l.Path + ":NexudusBusinessId", l.NexudusBusinessId.ToString(CultureInfo.InvariantCulture))).Where(p => p.Item2 != "0"));
        reader.Unique(locations.Select(l => (l.Path + ":SaltoSiteId", l.SaltoSiteId)).Where(p => p.Item2.Length > 0));
        return settings;
    }

    /// <summary>Gets the locations as the resolver's link inputs.</summary>
    /// <returns>One <see cref="LocationLinks"/> per location.</returns>
    public IReadOnlyList<LocationLinks> ToLocationLinks() => [.. Locations.Select(l => l.Links)];

    /// <summary>Gets the locations as the check-in bridge and the reports take them.</summary>
    /// <returns>One <see cref="CheckInLocation"/> per location.</returns>
    public IReadOnlyList<CheckInLocation> ToCheckInLocations() => [.. Locations.Select(l => l.ToCheckInLocation())];

    /// <summary>Reads typed values and names each bad one by its full path.</summary>
    internal sealed class SectionReader(ICollection<string> errors)
    {
        public ICollection<string> Errors { get; } = errors;

        public int Int(IConfigurationSection section, string key, int fallback, int min, int max)
        {
            var text = section[key];
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            Errors.Add($"{section.Path}:{key} must be a whole number from {min} to {max}.");
            return fallback;
        }

        public double Double(IConfigurationSection section, string key, double fallback, double min, double max)
        {
            var text = section[key];
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            Errors.Add($"{section.Path}:{key} must be a number from {min} to {max}.");
            return fallback;
        }

        public long Id(IConfigurationSection section, string key)
        {
            var text = section[key];
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }

            Errors.Add($"{section.Path}:{key} is required and must be a positive Nexudus id.");
            return 0;
        }

        public string Text(IConfigurationSection section, string key)
        {
            var text = section[key]?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                Errors.Add($"{section.Path}:{key} is required.");
                return string.Empty;
            }

            return text;
        }

        public bool Bool(IConfigurationSection section, string key, bool fallback)
        {
            var text = section[key];
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            if (bool.TryParse(text, out var value))
            {
                return value;
            }

            Errors.Add($"{section.Path}:{key} must be true or false.");
            return fallback;
        }

        public TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
        {
            var text = section[key];
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min && value < max)
            {
                return value;
            }

            Errors.Add($"{section.Path}:{key} must be a duration (hh:mm:ss) from {min:c} up to {max:c}.");
            return fallback;
        }

        public Dictionary<long, IReadOnlyList<string>> Links(IConfigurationSection section, string key)
        {
            var links = new Dictionary<long, IReadOnlyList<string>>();
            foreach (var item in section.GetSection(key).GetChildren())
            {
                if (!long.TryParse(item.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || id <= 0)
                {
                    Errors.Add($"{item.Path} must be keyed by a positive Nexudus id.");
                    continue;
                }

                // A list ("…:1414999001:0") or a single value ("…:1414999001").
                var groups = item.Value is { } single ? [single] : item.GetChildren().Select(g => g.Value ?? string.Empty).ToList();
                if (groups.Any(string.IsNullOrWhiteSpace))
                {
                    Errors.Add($"{item.Path} holds an empty group id.");
                }

                links[id] = [.. groups.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim())];
            }

            return links;
        }

        public Dictionary<string, TEnum> Enums<TEnum>(IConfigurationSection section, string key)
            where TEnum : struct, Enum
        {
            var values = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in section.GetSection(key).GetChildren())
            {
                if (Enum.TryParse<TEnum>(item.Value, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(item.Value, out _))
                {
                    values[item.Key.Trim()] = value;
                }
                else
                {
                    Errors.Add($"{item.Path} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
                }
            }

            return values;
        }

        public Dictionary<string, ReaderRole> Readers(IConfigurationSection section, string key)
        {
            var readers = new Dictionary<string, ReaderRole>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in section.GetSection(key).GetChildren())
            {
                // Only the two roles a door can play; "None" is the library's default, not a setting.
                if (string.Equals(item.Value, nameof(ReaderRole.CheckIn), StringComparison.OrdinalIgnoreCase))
                {
                    readers[item.Key.Trim()] = ReaderRole.CheckIn;
                }
                else if (string.Equals(item.Value, nameof(ReaderRole.CheckOut), StringComparison.OrdinalIgnoreCase))
                {
                    readers[item.Key.Trim()] = ReaderRole.CheckOut;
                }
                else
                {
                    Errors.Add($"{item.Path} must be CheckIn or CheckOut.");
                }
            }

            return readers;
        }

        public void Unique(IEnumerable<(string Path, string Value)> values)
        {
            foreach (var duplicate in values.GroupBy(v => v.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                foreach (var (path, _) in duplicate.Skip(1))
                {
                    Errors.Add($"{path} repeats '{duplicate.Key}', already configured for another location.");
                }
            }
        }
    }
}
