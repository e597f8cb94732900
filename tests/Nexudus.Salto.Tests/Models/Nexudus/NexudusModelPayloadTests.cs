using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

/// <summary>
/// Behaviour every Nexudus record model shares, checked against each model's payloads.
/// </summary>
public class NexudusModelPayloadTests
{
    public static TheoryData<string> Models { get; } = [.. NexudusPayloads.All.Select(entry => entry.Model.Name)];

    public static TheoryData<string> DocumentedModels { get; } =
        [.. NexudusPayloads.All.Where(entry => entry.Documented is not null).Select(entry => entry.Model.Name)];

    [Theory]
    [MemberData(nameof(DocumentedModels))]
    public void RoundTrip_DocumentedExample_PreservesValues(string model)
    {
        var (type, documented, _) = NexudusPayloads.For(model);
        var original = Read(type, documented!);

        var copy = Read(type, Write(type, original));

        ModelAssert.Equivalent(original, copy);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Deserialize_FullPayload_SetsEveryProperty(string model)
    {
        var (type, _, full) = NexudusPayloads.For(model);

        var record = Read(type, full);

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(record);
            Assert.True(value is not null, $"{model}.{property.Name} was not read from the full payload.");
            Assert.False(value is long id && id == 0, $"{model}.{property.Name} was not read from the full payload.");
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void RoundTrip_FullPayload_PreservesEveryProperty(string model)
    {
        var (type, _, full) = NexudusPayloads.For(model);
        var original = Read(type, full);

        var copy = Read(type, Write(type, original));

        ModelAssert.Equivalent(original, copy);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Serialize_FullRecord_WritesTheWireFieldsItWasReadFrom(string model)
    {
        var (type, _, full) = NexudusPayloads.For(model);
        var wireNames = JsonNode.Parse(full)!.AsObject().Select(field => field.Key).Order(StringComparer.Ordinal);

        var written = JsonNode.Parse(Write(type, Read(type, full)))!.AsObject().Select(field => field.Key).Order(StringComparer.Ordinal);

        Assert.Equal(wireNames, written);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Deserialize_EveryOptionalFieldNull_LeavesThemNull(string model)
    {
        var (type, _, _) = NexudusPayloads.For(model);
        var payload = new JsonObject();
        foreach (var property in TypeInfo(type).Properties)
        {
            payload[property.Name] = property.Name == "Id" ? 1415604543L : null;
        }

        var record = Read(type, payload.ToJsonString());

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "Id"))
        {
            Assert.Null(property.GetValue(record));
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Deserialize_UnknownExtraFields_AreIgnored(string model)
    {
        var (type, _, full) = NexudusPayloads.For(model);
        var payload = JsonNode.Parse(full)!.AsObject();
        payload["ToStringText"] = "Some record";
        payload["IsNew"] = false;
        payload["LocalizationDetails"] = null;
        payload["CustomFields"] = new JsonObject { ["Data"] = new JsonArray(1, "two", new JsonObject()) };
        payload["MinutesToStart"] = 124;
        payload["SaltoV2AccessToken"] = "secret";

        var record = Read(type, payload.ToJsonString());

        ModelAssert.Equivalent(Read(type, full), record);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Deserialize_BatchArray_ReadsEveryRecord(string model)
    {
        var (type, documented, full) = NexudusPayloads.For(model);
        var listType = typeof(IReadOnlyList<>).MakeGenericType(type);

        var records = (System.Collections.IList)Read(listType, $"[{full},{documented ?? full}]");

        Assert.Equal(2, records.Count);
        ModelAssert.Equivalent(Read(type, full), records[0]);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Deserialize_ListEnvelope_ReadsRecords(string model)
    {
        var (type, _, full) = NexudusPayloads.For(model);
        var listType = typeof(NexudusList<>).MakeGenericType(type);

        var page = Read(listType, $$"""{ "Records": [{{full}}], "CurrentPage": 1, "TotalItems": 1, "HasNextPage": false }""");

        var records = (System.Collections.IList)listType.GetProperty("Records")!.GetValue(page)!;
        ModelAssert.Equivalent(Read(type, full), Assert.Single(records.Cast<object>()));
    }

    private static JsonTypeInfo TypeInfo(Type type) =>
        NexudusJsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type} is not in NexudusJsonContext.");

    private static object Read(Type type, string json) => JsonSerializer.Deserialize(json, TypeInfo(type))!;

    private static string Write(Type type, object value) => JsonSerializer.Serialize(value, TypeInfo(type));
}
