using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Benchmarks.Nexudus;

/// <summary>
/// Reading one 1,000-record page of customers, as a full sync does for every page: the
/// source-generated <see cref="NexudusJsonContext"/> the client uses, against reflection-based
/// System.Text.Json with the same options.
/// </summary>
[MemoryDiagnoser]
public class NexudusCoworkerPageBenchmarks
{
    private static readonly JsonSerializerOptions ReflectionOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private byte[] _page = [];

    [GlobalSetup]
    public void Setup()
    {
        _page = CreatePage(1_000);

        // Warm the reflection metadata so the benchmark measures reading, not the first-use cache.
        _ = JsonSerializer.Deserialize<NexudusList<Coworker>>(_page, ReflectionOptions);
    }

    [Benchmark(Baseline = true)]
    public int SourceGenerated() =>
        JsonSerializer.Deserialize(_page, NexudusJsonContext.Default.NexudusListCoworker)!.Records.Count;

    [Benchmark]
    public int Reflection() =>
        JsonSerializer.Deserialize<NexudusList<Coworker>>(_page, ReflectionOptions)!.Records.Count;

    /// <summary>A list page shaped like the documented Nexudus coworker records.</summary>
    internal static byte[] CreatePage(int records)
    {
        var json = new StringBuilder("{\"Records\":[");
        for (var i = 0; i < records; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            var id = 1415604543L + i;
            json.Append(CultureInfo.InvariantCulture, $$"""
                {"Id":{{id}},"UniqueId":"{{new Guid(i, 0, 0, new byte[8])}}","CreatedOn":"2024-03-01T10:00:00Z",
                 "UpdatedOn":"2025-01-15T10:30:00.5515198Z","UpdatedBy":"admin@example.com","CoworkerType":1,
                 "FullName":"Customer {{i}}","Email":"customer{{i}}@example.com","GuessedFirstName":"Customer",
                 "GuessedLastName":"{{i}}","CompanyName":null,"MobilePhone":"+44 7700 900{{i % 1000:000}}",
                 "UserId":{{1415000999 + i}},"Active":true,"Archived":false,"InvoicingBusinessId":1414000001,
                 "TariffId":1414997001,"TariffName":"Hot desk","CoworkerContractIds":"1416000001",
                 "SimpleTimeZoneId":12,"CountryId":1220,"AccessCardId":"{{12345678 + i}}","KeyFobNumber":null,
                 "AccessPincode":"4321","AllowNetworkCheckin":false,"CanMakeBookings":true,"CanBookForTeam":false,
                 "RegistrationDate":"2024-03-01T10:00:00Z","RegistrationDateLocal":"2024-03-01T10:00:00",
                 "ToStringText":"Customer {{i}}","IsNew":false,"LocalizationDetails":null,"CustomFields":null}
                """);
        }

        json.Append(CultureInfo.InvariantCulture, $$"""],"CurrentPage":1,"CurrentPageSize":{{records}},"CurrentOrderField":"FullName","CurrentSortDirection":0,"FirstItem":1,"LastItem":{{records}},"TotalItems":{{records}},"TotalPages":1,"HasNextPage":false,"HasPreviousPage":false}""");
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
