using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

/// <summary>Round-trip and JSON comparison helpers for the SALTO KS model tests.</summary>
internal static class SaltoKsJsonAssert
{
    /// <summary>
    /// Reads <paramref name="json"/>, writes it, reads that back and checks that the second write equals
    /// the first (nothing is lost or changed after the first read). Returns the value read back.
    /// </summary>
    public static T RoundTrips<T>(string json, JsonTypeInfo<T> typeInfo)
    {
        T first = JsonSerializer.Deserialize(json, typeInfo)!;
        string written = JsonSerializer.Serialize(first, typeInfo);
        T second = JsonSerializer.Deserialize(written, typeInfo)!;
        Assert.Equal(written, JsonSerializer.Serialize(second, typeInfo));
        return second;
    }

    /// <summary>Checks that two JSON texts are the same document, ignoring white space and member order.</summary>
    public static void SameJson(string expected, string actual) =>
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)),
            $"Expected {expected}{Environment.NewLine}but got  {actual}");
}
