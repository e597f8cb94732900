namespace Nexudus.Salto.Tests.Models.SaltoKs;

/// <summary>
/// Makes the process's local time zone something other than UTC for the length of a test, so tests of
/// "never converted with the machine zone" can fail on a UTC build machine.
/// </summary>
internal sealed class LocalTimeZoneOverride : IDisposable
{
    private readonly string? _previous = Environment.GetEnvironmentVariable("TZ");

    public LocalTimeZoneOverride(string ianaId)
    {
        Environment.SetEnvironmentVariable("TZ", ianaId);
        TimeZoneInfo.ClearCachedData();
        if (TimeZoneInfo.Local.Id != ianaId)
        {
            // Without the zone the tests would silently run under UTC and prove nothing.
            Dispose();
            Assert.Fail($"Could not switch the local time zone to {ianaId}; is tzdata installed?");
        }
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", _previous);
        TimeZoneInfo.ClearCachedData();
    }
}
