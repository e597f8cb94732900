using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// Finds keys in the <c>Nexudus</c>, <c>SaltoKs</c> and <c>SaltoIntegration</c> sections that no setting reads: a
/// misspelt key (<c>Nexudus:Pasword</c>, <c>SaltoIntegration:Locations:0:TimePasGroups</c>) would otherwise be
/// ignored silently and its setting keep its default. Each is reported by its full path with the closest known key.
/// </summary>
/// <remarks>
/// Known keys are the public properties of the options classes, followed through nested settings, lists (any index)
/// and dictionaries (any key), without regard to case, as the configuration binder reads them.
/// <c>SaltoIntegration:PostgreSql</c> belongs to the <c>Nexudus.Salto.PostgreSql</c> package and is left to it.
/// </remarks>
internal static class UnknownConfigurationKeys
{
    private static readonly (string Section, Type Options)[] Sections =
    [
        (NexudusClientOptions.SectionName, typeof(NexudusClientOptions)),
        (SaltoKsClientOptions.SectionName, typeof(SaltoKsClientOptions)),
        (SaltoIntegrationOptions.SectionName, typeof(SaltoIntegrationOptions)),
    ];

    // Sub-sections of our sections that other packages read (at the root, or in a named integration's section).
    private const string OwnedElsewhere = "SaltoIntegration:PostgreSql";

    /// <summary>One message per unknown key, in configuration order.</summary>
    /// <remarks>
    /// The walk reads the public properties of the options classes by reflection; the dependencies below keep them
    /// in a trimmed app (the configuration binder's generated code reads the same properties).
    /// </remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(NexudusClientOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(SaltoKsClientOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(SaltoKsApiVersions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(SaltoKsTagEndpoints))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(SaltoIntegrationOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(SaltoLocationOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(SaltoSafetyOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(SaltoWorkerOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(SaltoWebhookOptions))]
    public static List<string> Find(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var failures = new List<string>();
        foreach (var (section, options) in Sections)
        {
            Check(configuration.GetSection(section), options, failures);
        }

        return failures;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The options types' public properties are kept by the DynamicDependency attributes on Find.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The options types' public properties are kept by the DynamicDependency attributes on Find.")]
    private static void Check(IConfigurationSection section, Type type, List<string> failures)
    {
        if (IsOwnedElsewhere(section.Path))
        {
            return;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsLeaf(type))
        {
            return;
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            foreach (var child in section.GetChildren())
            {
                Check(child, valueType, failures);
            }

            return;
        }

        if (ElementType(type) is { } elementType)
        {
            foreach (var child in section.GetChildren())
            {
                Check(child, elementType, failures);
            }

            return;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (IsOwnedElsewhere(child.Path))
            {
                continue;
            }

            if (properties.TryGetValue(child.Key, out var property))
            {
                Check(child, property.PropertyType, failures);
                continue;
            }

            var closest = Closest(child.Key, properties.Keys);
            failures.Add(closest is null
                ? $"{child.Path} is not a known setting; it would be ignored."
                : $"{child.Path} is not a known setting; it would be ignored. Did you mean {section.Path}:{closest}?");
        }
    }

    private static bool IsOwnedElsewhere(string path) =>
        path.Equals(OwnedElsewhere, StringComparison.OrdinalIgnoreCase) || path.EndsWith(":" + OwnedElsewhere, StringComparison.OrdinalIgnoreCase);

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Uri) ||
        type == typeof(TimeSpan) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) ||
        type == typeof(TimeOnly) || type == typeof(Guid) || type == typeof(object) || type.IsPointer;

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Collection types keep the generic interfaces they implement.")]
    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() is var definition &&
                         (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Collection types keep the generic interfaces they implement.")]
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? typeof(object);
    }

    // The known key nearest in spelling, when it is near enough to be the one meant.
    private static string? Closest(string key, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(key.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
