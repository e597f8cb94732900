using System.Text.Json;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// One validation error of a failed write (<see cref="NexudusWriteResult.Errors"/>).
/// </summary>
public sealed record NexudusValidationError
{
    /// <summary>Gets the value that was rejected, as sent back (any JSON); <see langword="null"/> when absent or null.</summary>
    public JsonElement? AttemptedValue { get; init; }

    /// <summary>Gets the error message.</summary>
    public string? Message { get; init; }

    /// <summary>Gets the name of the property that failed validation.</summary>
    public string? PropertyName { get; init; }
}
