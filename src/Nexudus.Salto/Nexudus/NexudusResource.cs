using System.Text.Json.Serialization.Metadata;

namespace Nexudus.Salto.Nexudus;

/// <summary>One Nexudus entity set: its path and the JSON metadata of a record, a list page and a batch.</summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed record NexudusResource<T>(
    string Path,
    JsonTypeInfo<T> Record,
    JsonTypeInfo<NexudusList<T>> Page,
    JsonTypeInfo<IReadOnlyList<T>> Batch)
    where T : NexudusEntity;
