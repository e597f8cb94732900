using System.Text;
using System.Text.Json.Nodes;

namespace Nexudus.Salto.Testing;

/// <summary>A response the Nexudus sandbox is about to send.</summary>
internal sealed record NexudusResponse(int StatusCode, string ContentType, byte[] Body)
{
    public const string Json = "application/json; charset=utf-8";

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public static NexudusResponse FromJson(int statusCode, JsonNode? body) =>
        new(statusCode, Json, Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"));

    public static NexudusResponse Message(int statusCode, string message) =>
        FromJson(statusCode, new JsonObject { ["Message"] = message });

    public static NexudusResponse Html(int statusCode, string title, string text) =>
        new(statusCode, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(
            $"<!DOCTYPE html><html><head><title>{title}</title></head><body><h1>{title}</h1><p>{text}</p></body></html>"));

    /// <summary>The documented throttling answer: 409 (not 429), the documented message and <c>Retry-After</c> in whole seconds.</summary>
    public static NexudusResponse Throttle(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        return Message(409, "You must wait before accessing this url again.") with
        {
            Headers = [new("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        };
    }

}
