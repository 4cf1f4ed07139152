using System.Text.Json;
using Customer360.Domain;
using Orleans.Storage;

namespace Customer360.Grains.Storage;

/// <summary>
/// Grain snapshots are JSON written with the domain's options, so a snapshot and the journal agree on every
/// type (dates, decimals, polymorphic payloads) and can be read with ordinary SQL when investigating.
/// </summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, DomainJson.Options));

    public T Deserialize<T>(BinaryData input) =>
        input.ToObjectFromJson<T>(DomainJson.Options) ?? throw new InvalidDataException($"empty {typeof(T).Name} snapshot");
}
