namespace Nexudus.Salto.Tests.Models.SaltoKs;

/// <summary>Tests that change the local time zone must not run beside others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalTimeZoneCollection
{
    public const string Name = "Local time zone";
}
