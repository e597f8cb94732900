using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

/// <summary>
/// Rules every Nexudus model follows, checked by reflection so new models cannot miss them.
/// </summary>
public class NexudusModelConventionTests
{
    // Public types, and the internal wire records (list page, token and write envelopes) the client reads.
    private static readonly Type[] ModelTypes = typeof(NexudusEntity).Assembly.GetTypes()
        .Where(type => !type.IsNested && (type.IsPublic || type.GetMethod("<Clone>$") is not null))
        .Where(type => type.Namespace == typeof(NexudusEntity).Namespace)
        .Where(type => type.IsClass && type != typeof(NexudusJsonContext) && !IsClientContract(type))
        .ToArray();

    private static readonly Type[] EntityTypes = ModelTypes
        .Where(type => type.IsSubclassOf(typeof(NexudusEntity)) && !type.IsAbstract)
        .ToArray();

    // The client's contracts (queries, filters, paging, exceptions) share the namespace but are not wire models.
    private static bool IsClientContract(Type type) =>
        typeof(Exception).IsAssignableFrom(type) ||
        typeof(NexudusQuery).IsAssignableFrom(type) ||
        type == typeof(NexudusFilter) ||
        type == typeof(NexudusDateRange) ||
        type == typeof(NexudusPageCursor) ||
        type == typeof(NexudusPage<>);

    private static bool IsAbstractEntityBase(Type type) =>
        type.IsAbstract && (type == typeof(NexudusEntity) || type.IsSubclassOf(typeof(NexudusEntity)));

    public static TheoryData<string> Entities { get; } = [.. EntityTypes.Select(type => type.Name)];

    // Abstract records are allowed only as shared bases: NexudusEntity itself and bases below it (BookingBase).
    [Fact]
    public void Models_AreSealedRecordsExceptAbstractBases()
    {
        var offenders = ModelTypes
            .Where(type => type.GetMethod("<Clone>$") is null || (!type.IsSealed && !IsAbstractEntityBase(type)))
            .Select(type => type.Name);

        Assert.Empty(offenders);
    }

    [Fact]
    public void Models_HaveOnlyInitOnlySetters()
    {
        var offenders = ModelTypes
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(property => property.SetMethod is { } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(property => $"{property.DeclaringType!.Name}.{property.Name}");

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void JsonContext_Entity_IsRegisteredAloneAsArrayAndAsListPage(string entity)
    {
        var type = EntityTypes.Single(candidate => candidate.Name == entity);

        Assert.NotNull(NexudusJsonContext.Default.GetTypeInfo(type));
        Assert.NotNull(NexudusJsonContext.Default.GetTypeInfo(typeof(IReadOnlyList<>).MakeGenericType(type)));
        Assert.NotNull(NexudusJsonContext.Default.GetTypeInfo(typeof(NexudusList<>).MakeGenericType(type)));
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Payloads_Entity_HasTestPayloads(string entity)
    {
        Assert.Contains(NexudusPayloads.All, payload => payload.Model.Name == entity);
    }

    [Fact]
    public void JsonContext_Envelopes_AreRegistered()
    {
        Assert.NotNull(NexudusJsonContext.Default.GetTypeInfo(typeof(NexudusWriteResult)));
        Assert.NotNull(NexudusJsonContext.Default.GetTypeInfo(typeof(NexudusTokenResponse)));
    }

    [Fact]
    public void DateTimeOffsetProperties_UseTheUtcConverter()
    {
        var offenders = PropertiesOfType(typeof(DateTimeOffset?))
            .Where(property => ConverterOf(property) != typeof(NexudusUtcDateTimeConverter));

        Assert.Empty(offenders.Select(Describe));
    }

    [Fact]
    public void DateTimeProperties_AreLocalTwinsUsingTheLocalConverter()
    {
        var offenders = PropertiesOfType(typeof(DateTime?))
            .Where(property => !property.Name.EndsWith("Local", StringComparison.Ordinal)
                || ConverterOf(property) != typeof(NexudusLocalDateTimeConverter));

        Assert.Empty(offenders.Select(Describe));
    }

    [Fact]
    public void LocalProperties_AreDateTimes()
    {
        var offenders = ModelTypes
            .SelectMany(type => type.GetProperties())
            .Where(property => property.Name.EndsWith("Local", StringComparison.Ordinal) && property.PropertyType != typeof(DateTime?));

        Assert.Empty(offenders.Select(Describe));
    }

    [Fact]
    public void GuidProperties_UseTheTolerantGuidConverter()
    {
        var offenders = PropertiesOfType(typeof(Guid?))
            .Where(property => ConverterOf(property) != typeof(NexudusGuidConverter));

        Assert.Empty(offenders.Select(Describe));
    }

    [Fact]
    public void DatesAndGuids_AreNeverNonNullable()
    {
        var offenders = ModelTypes
            .SelectMany(type => type.GetProperties())
            .Where(property => property.PropertyType == typeof(DateTimeOffset)
                || property.PropertyType == typeof(DateTime)
                || property.PropertyType == typeof(Guid));

        Assert.Empty(offenders.Select(Describe));
    }

    [Fact]
    public void IntegerIdProperties_AreLongs()
    {
        Type[] narrow = [typeof(int), typeof(int?), typeof(short), typeof(short?), typeof(uint), typeof(uint?)];

        var offenders = ModelTypes
            .SelectMany(type => type.GetProperties())
            .Where(property => property.Name.EndsWith("Id", StringComparison.Ordinal) && narrow.Contains(property.PropertyType));

        Assert.Empty(offenders.Select(Describe));
    }

    [Fact]
    public void CollectionProperties_AreReadOnlyListsOfLongIds()
    {
        var offenders = EntityTypes
            .SelectMany(type => type.GetProperties())
            .Where(property => property.PropertyType != typeof(string)
                && property.PropertyType.IsAssignableTo(typeof(System.Collections.IEnumerable))
                && property.PropertyType != typeof(IReadOnlyList<long>));

        Assert.Empty(offenders.Select(Describe));
    }

    private static IEnumerable<PropertyInfo> PropertiesOfType(Type propertyType) =>
        ModelTypes
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(property => property.PropertyType == propertyType);

    private static Type? ConverterOf(PropertyInfo property) =>
        property.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType;

    private static string Describe(PropertyInfo property) => $"{property.DeclaringType!.Name}.{property.Name}";
}
