using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Nexudus.Salto.Tests.DependencyInjection;

/// <summary>
/// Walks options types by reflection: the configuration keys an options class binds (every public settable property,
/// followed through nested settings, lists and dictionaries) with a value other than each one's default, and the
/// settings a component's options object holds, flattened to configuration-style paths.
/// </summary>
internal static class OptionsGraph
{
    /// <summary>One configuration key: its path, the typed value set through it, and that value as configuration text.</summary>
    public sealed record Key(string Path, object Value, string Text);

    /// <summary>One setting of a component's options object: its path, its value as text, and whether it differs from its default.</summary>
    public sealed record Setting(string Path, string Text, bool IsDefault);

    /// <summary>
    /// Lists every key of <paramref name="type"/> bound under <paramref name="section"/>, each with a non-default value.
    /// <paramref name="salt"/> (1, 2, …) makes the values of two integrations differ.
    /// </summary>
    public static List<Key> Keys(Type type, string section, int salt, Func<string, int, object?>? overrides = null)
    {
        var keys = new List<Key>();
        AddKeys(type, section, salt, overrides ?? ((_, _) => null), keys);
        return keys;
    }

    /// <summary>The public properties configuration can set: a public setter (or init), or a collection it fills in place.</summary>
    public static IEnumerable<PropertyInfo> Bindable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
            .Where(p => p.SetMethod is { IsPublic: true } || DictionaryTypes(p.PropertyType) is not null || ElementType(p.PropertyType) is not null)
            .OrderBy(p => p.MetadataToken);

    private static void AddKeys(Type type, string path, int salt, Func<string, int, object?> overrides, List<Key> keys)
    {
        var instance = Activator.CreateInstance(type);
        foreach (var property in Bindable(type))
        {
            var propertyPath = $"{path}:{property.Name}";
            AddValue(property.PropertyType, property.GetValue(instance), propertyPath, salt, overrides, keys);
        }
    }

    private static void AddValue(Type type, object? @default, string path, int salt, Func<string, int, object?> overrides, List<Key> keys)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (IsLeaf(underlying))
        {
            var value = overrides(path, salt) ?? NonDefault(underlying, @default, salt);
            keys.Add(new Key(path, value, Format(value)));
            return;
        }

        if (DictionaryTypes(underlying) is var (keyType, valueType))
        {
            var key = keyType == typeof(long) ? (4_200 + salt).ToString(CultureInfo.InvariantCulture) : $"key-{salt}";
            AddValue(valueType, null, $"{path}:{key}", salt, overrides, keys);
            return;
        }

        if (ElementType(underlying) is { } elementType)
        {
            AddValue(elementType, null, $"{path}:0", salt, overrides, keys);
            return;
        }

        AddKeys(underlying, path, salt, overrides, keys);
    }

    /// <summary>A value of <paramref name="type"/> other than <paramref name="default"/>, within the usual ranges.</summary>
    private static object NonDefault(Type type, object? @default, int salt)
    {
        if (type == typeof(bool))
        {
            return !(bool)(@default ?? false);
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type).Cast<object>().Where(v => !v.Equals(@default ?? Activator.CreateInstance(type))).ToList();
            return values[(salt - 1) % values.Count];
        }

        return @default switch
        {
            int i => i + salt,
            long l => l + salt,
            double d => d + (salt / 2d),
            TimeSpan t => t + TimeSpan.FromSeconds(7 * salt),
            string { Length: > 1 } s when s[0] == 'v' && char.IsAsciiDigit(s[1]) => $"v9.{salt}",
            string { Length: > 0 } s => $"{s}-{salt}",
            Uri u => new Uri($"https://{u.Host.Split('.')[0]}{salt}.example.test/"),
            null when type == typeof(int) => salt,
            null when type == typeof(long) => (long)salt,
            null when type == typeof(TimeSpan) => TimeSpan.FromDays(2) + TimeSpan.FromSeconds(7 * salt),
            null when type == typeof(Uri) => new Uri($"https://hooks{salt}.example.test/nexudus/"),
            _ when type == typeof(string) => $"value-{salt}",
            _ => throw new NotSupportedException($"No non-default value for {type} (default {@default})."),
        };
    }

    /// <summary>Flattens an options object into its settings, skipping the paths <paramref name="skip"/> names.</summary>
    public static List<Setting> Settings(object options, string path, Func<string, bool> skip)
    {
        var settings = new List<Setting>();
        AddSettings(options, path, skip, settings);
        return settings;
    }

    private static void AddSettings(object options, string path, Func<string, bool> skip, List<Setting> settings)
    {
        var type = options.GetType();
        object? defaults = null;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var propertyPath = $"{path}:{property.Name}";
            if (skip(propertyPath))
            {
                continue;
            }

            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsLeaf(propertyType) && property.SetMethod is null)
            {
                // A value computed from other settings (IntegrationLocation.NexudusBusinessId reads its Links), not one.
                continue;
            }

            var value = property.GetValue(options);
            if (IsLeaf(propertyType))
            {
                defaults ??= Activator.CreateInstance(type);
                settings.Add(new Setting(propertyPath, Format(value), Equals(value, property.GetValue(defaults))));
                continue;
            }

            AddElement(value, propertyPath, skip, settings);
        }
    }

    // A value inside a collection or dictionary exists only because it was configured, so it never counts as a default.
    private static void AddElement(object? value, string path, Func<string, bool> skip, List<Setting> settings)
    {
        if (value is null || IsLeaf(value.GetType()))
        {
            settings.Add(new Setting(path, Format(value), IsDefault: value is null));
            return;
        }

        if (value is IDictionary dictionary)
        {
            AddEntries(dictionary.Keys.Cast<object>().Select(k => (k, dictionary[k])), path, skip, settings);
            return;
        }

        if (ReadOnlyDictionaryEntries(value) is { } entries)
        {
            AddEntries(entries, path, skip, settings);
            return;
        }

        if (value is IEnumerable items)
        {
            var list = items.Cast<object?>().ToList();
            if (list.Count == 0)
            {
                settings.Add(new Setting(path, "(empty)", IsDefault: true));
            }

            for (int i = 0; i < list.Count; i++)
            {
                AddElement(list[i], $"{path}:{i.ToString(CultureInfo.InvariantCulture)}", skip, settings);
            }

            return;
        }

        AddSettings(value, path, skip, settings);
    }

    private static void AddEntries(IEnumerable<(object Key, object? Value)> entries, string path, Func<string, bool> skip, List<Setting> settings)
    {
        var any = false;
        foreach (var (key, value) in entries)
        {
            any = true;
            AddElement(value, $"{path}:{Format(key)}", skip, settings);
        }

        if (!any)
        {
            settings.Add(new Setting(path, "(empty)", IsDefault: true));
        }
    }

    private static List<(object Key, object? Value)>? ReadOnlyDictionaryEntries(object value)
    {
        var dictionary = value.GetType().GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        if (dictionary is null)
        {
            return null;
        }

        var keyProperty = typeof(KeyValuePair<,>).MakeGenericType(dictionary.GetGenericArguments());
        return [.. ((IEnumerable)value).Cast<object>().Select(pair => (keyProperty.GetProperty("Key")!.GetValue(pair)!, keyProperty.GetProperty("Value")!.GetValue(pair)))];
    }

    /// <summary>A value as configuration text: invariant, durations as <c>c</c>, enums by name.</summary>
    public static string Format(object? value) => value switch
    {
        null => "(null)",
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        Uri u => u.AbsoluteUri,
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Uri) ||
        type == typeof(TimeSpan) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid);

    private static (Type Key, Type Value)? DictionaryTypes(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments() is [var key, var value] ? (key, value) : null;
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        var list = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IList<>));
        return list?.GetGenericArguments()[0];
    }
}
