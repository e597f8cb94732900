namespace Nexudus.Salto.Diagnostics;

/// <summary>
/// Counts the HTTP calls made to each service within one logical operation (a sync run), retries included,
/// without any shared state between concurrent operations: the tally flows with the async context.
/// </summary>
/// <remarks>
/// The clients registered by <c>AddNexudusClient</c> and <c>AddSaltoKsClient</c> have a
/// <see cref="ServiceCallCountingHandler"/> innermost in their pipelines, so every attempt that goes on the wire
/// is counted, token requests included.
/// </remarks>
internal static class ServiceCallCounter
{
    private static readonly AsyncLocal<ServiceCallTally?> CurrentTally = new();

    /// <summary>Gets the tally of the current operation, if one is counting.</summary>
    public static ServiceCallTally? Current => CurrentTally.Value;

    /// <summary>Starts counting the calls of the current async flow (and the flows it starts).</summary>
    /// <returns>The tally; disposing it stops counting in this flow.</returns>
    public static ServiceCallTally Begin()
    {
        var tally = new ServiceCallTally();
        CurrentTally.Value = tally;
        return tally;
    }

    /// <summary>Stops counting in the current flow.</summary>
    public static void End() => CurrentTally.Value = null;
}
