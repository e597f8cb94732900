using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

/// <summary>
/// Structural comparison for models: record equality compares lists by reference, so lists are
/// compared item by item and <see cref="JsonElement"/> values by their JSON text.
/// </summary>
internal static class ModelAssert
{
    public static void Equivalent(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {Describe(expected)} but was {Describe(actual)}.");
            return;
        }

        Assert.True(expected.GetType() == actual.GetType(), $"{path}: type {expected.GetType()} vs {actual.GetType()}.");

        switch (expected)
        {
            case JsonElement expectedElement:
                Assert.Equal(expectedElement.GetRawText(), ((JsonElement)actual).GetRawText());
                return;
            case string or ValueType:
                Assert.True(Equals(expected, actual), $"{path}: expected {Describe(expected)} but was {Describe(actual)}.");
                if (expected is DateTimeOffset expectedOffset)
                {
                    Assert.True(expectedOffset.Offset == ((DateTimeOffset)actual).Offset, $"{path}: offsets differ.");
                }
                else if (expected is DateTime expectedDate)
                {
                    Assert.True(expectedDate.Kind == ((DateTime)actual).Kind, $"{path}: kinds differ.");
                }

                return;
            case IEnumerable expectedItems:
                var left = expectedItems.Cast<object?>().ToList();
                var right = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.True(left.Count == right.Count, $"{path}: {left.Count} items vs {right.Count}.");
                for (var i = 0; i < left.Count; i++)
                {
                    Equivalent(left[i], right[i], $"{path}[{i}]");
                }

                return;
            default:
                foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    Equivalent(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
                }

                return;
        }
    }

    /// <summary>Serialises with the context and reads the result back.</summary>
    public static T RoundTrip<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var json = JsonSerializer.Serialize(value, typeInfo);
        return JsonSerializer.Deserialize(json, typeInfo)!;
    }

    /// <summary>Reads a payload with the context's metadata for <typeparamref name="T"/>.</summary>
    public static T Read<T>(string json)
    {
        var typeInfo = (JsonTypeInfo<T>)NexudusJsonContext.Default.GetTypeInfo(typeof(T))!;
        return JsonSerializer.Deserialize(json, typeInfo)!;
    }

    /// <summary>Serialises with the context's metadata for <typeparamref name="T"/> and parses the JSON.</summary>
    public static JsonElement Write<T>(T value)
    {
        var typeInfo = (JsonTypeInfo<T>)NexudusJsonContext.Default.GetTypeInfo(typeof(T))!;
        return JsonDocument.Parse(JsonSerializer.Serialize(value, typeInfo)).RootElement.Clone();
    }

    private static string Describe(object? value) => value is null ? "null" : $"'{value}'";
}
