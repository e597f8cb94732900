using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Nexudus.Salto.Diagnostics;

namespace Nexudus.Salto.IntegrationTests.DependencyInjection;

/// <summary>Captures every measurement's tags and every span of the <c>Nexudus.Salto</c> meter and activity source.</summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _spans;

    public TelemetryCapture()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SaltoIntegrationTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        _meters.Start();

        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SaltoIntegrationTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                Spans.TryAdd(activity.DisplayName, 0);
                Texts.Add(activity.DisplayName + " " + string.Join(" ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " + activity.StatusDescription);
            },
        };
        ActivitySource.AddActivityListener(_spans);
    }

    /// <summary>Gets the names of the instruments that recorded something.</summary>
    public ConcurrentDictionary<string, int> Instruments { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the names of the spans that ended.</summary>
    public ConcurrentDictionary<string, byte> Spans { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets every tag and span as text.</summary>
    public ConcurrentBag<string> Texts { get; } = [];

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Instruments.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1);
        foreach (var tag in tags)
        {
            Texts.Add($"{instrument.Name} {tag.Key}={tag.Value}");
        }
    }

    public void Dispose()
    {
        _meters.Dispose();
        _spans.Dispose();
    }
}
