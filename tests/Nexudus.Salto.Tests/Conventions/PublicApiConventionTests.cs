using System.Reflection;
using System.Runtime.CompilerServices;

namespace Nexudus.Salto.Tests.Conventions;

/// <summary>
/// Reflection tests that hold every shipped assembly to the API rules of STYLE.md
/// (Octokit-style convention tests): async naming and cancellation, immutable models, sealed types.
/// </summary>
public sealed class PublicApiConventionTests
{
    // The three NuGet packages; the test project references all of them.
    private static readonly Assembly[] ShippedAssemblies =
    [
        Assembly.Load(new AssemblyName("Nexudus.Salto.Abstractions")),
        Assembly.Load(new AssemblyName("Nexudus.Salto")),
        Assembly.Load(new AssemblyName("Nexudus.Salto.Testing")),
    ];

    public static TheoryData<string> AssemblyNames()
    {
        var data = new TheoryData<string>();
        foreach (var a in ShippedAssemblies)
        {
            data.Add(a.GetName().Name!);
        }

        return data;
    }

    private static Assembly Load(string name) => ShippedAssemblies.Single(a => a.GetName().Name == name);

    private static IEnumerable<Type> PublicTypes(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), false));

    private static IEnumerable<MethodInfo> PublicMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !m.IsDefined(typeof(CompilerGeneratedAttribute), false));

    private static bool IsAsyncReturn(Type t) =>
        t == typeof(Task) || t == typeof(ValueTask) ||
        (t.IsGenericType && t.GetGenericTypeDefinition() is var d &&
         (d == typeof(Task<>) || d == typeof(ValueTask<>) || d == typeof(IAsyncEnumerable<>)));

    // Members whose shape is fixed by an interface or base class we do not own.
    private static readonly HashSet<string> FrameworkShapes =
    [
        "DisposeAsync", "GetAsyncEnumerator", "MoveNextAsync",
    ];

    private static bool ImplementsFrameworkContract(MethodInfo m)
    {
        if (FrameworkShapes.Contains(m.Name))
        {
            return true;
        }

        var baseDefinition = m.GetBaseDefinition();
        if (baseDefinition.DeclaringType is { } declaring && declaring != m.DeclaringType &&
            !ShippedAssemblies.Contains(declaring.Assembly))
        {
            return true; // overrides a framework member (e.g. BackgroundService.StartAsync)
        }

        var type = m.DeclaringType!;
        foreach (var iface in type.GetInterfaces().Where(i => !ShippedAssemblies.Contains(i.Assembly)))
        {
            if (type.IsInterface)
            {
                continue;
            }

            var map = type.GetInterfaceMap(iface);
            if (map.TargetMethods.Contains(m))
            {
                return true; // implements e.g. IHostedService.StartAsync or IHealthCheck.CheckHealthAsync
            }
        }

        return false;
    }

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void AsyncMethods_InPublicApi_EndInAsyncAndTakeTrailingCancellationToken(string assemblyName)
    {
        var offenders = new List<string>();
        foreach (var type in PublicTypes(Load(assemblyName)))
        {
            foreach (var method in PublicMethods(type).Where(m => IsAsyncReturn(m.ReturnType)))
            {
                if (ImplementsFrameworkContract(method))
                {
                    continue;
                }

                var parameters = method.GetParameters();
                if (!method.Name.EndsWith("Async", StringComparison.Ordinal))
                {
                    offenders.Add($"{type.FullName}.{method.Name}: name does not end in Async");
                }

                if (parameters.Length == 0 || parameters[^1].ParameterType != typeof(CancellationToken))
                {
                    offenders.Add($"{type.FullName}.{method.Name}: last parameter is not a CancellationToken");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void Records_InPublicApi_AreImmutable(string assemblyName)
    {
        var offenders = new List<string>();
        foreach (var type in PublicTypes(Load(assemblyName)).Where(IsRecord))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var setter = property.SetMethod;
                if (setter is { IsPublic: true } && !IsInitOnly(setter))
                {
                    offenders.Add($"{type.FullName}.{property.Name} has a public setter");
                }

                if (IsMutableCollection(property.PropertyType))
                {
                    offenders.Add($"{type.FullName}.{property.Name} is a mutable collection ({property.PropertyType.Name})");
                }
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly))
            {
                offenders.Add($"{type.FullName}.{field.Name} is a writable public field");
            }
        }

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void Classes_InPublicApi_AreSealedUnlessMeantToBeExtended(string assemblyName)
    {
        var assembly = Load(assemblyName);
        var types = PublicTypes(assembly).ToList();
        var offenders = new List<string>();
        foreach (var type in types.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t)))
        {
            // Meant to be extended: a client or service whose public virtual members users mock,
            // or a base type that has public subclasses of its own (an exception hierarchy).
            var hasVirtualMembers = type
                .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Any(m => m.IsVirtual && !m.IsFinal && m.GetBaseDefinition().DeclaringType == type);
            var hasSubclasses = ShippedAssemblies.SelectMany(PublicTypes).Any(t => t.BaseType == type);
            var isGenerated = typeof(System.Text.Json.Serialization.JsonSerializerContext).IsAssignableFrom(type);
            if (!hasVirtualMembers && !hasSubclasses && !isGenerated)
            {
                offenders.Add(type.FullName!);
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void Conventions_AppliedToAMutableRecord_WouldBeDetected()
    {
        // Guards the detector itself: a record with a plain setter and a List<T> must be caught.
        var setter = typeof(MutableProbe).GetProperty(nameof(MutableProbe.Name))!.SetMethod!;
        Assert.False(IsInitOnly(setter));
        Assert.True(IsInitOnly(typeof(ImmutableProbe).GetProperty(nameof(ImmutableProbe.Name))!.SetMethod!));
        Assert.True(IsMutableCollection(typeof(List<int>)));
        Assert.False(IsMutableCollection(typeof(IReadOnlyList<int>)));
        Assert.True(IsRecord(typeof(MutableProbe)));
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null ||
        (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsMutableCollection(Type type)
    {
        if (type == typeof(string) || type == typeof(byte[]))
        {
            return type == typeof(byte[]);
        }

        if (type.IsArray)
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return false;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(Dictionary<,>) || definition == typeof(HashSet<>) ||
               definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(IDictionary<,>) ||
               definition == typeof(ISet<>);
    }

    public sealed record MutableProbe
    {
        public string? Name { get; set; }
    }

    public sealed record ImmutableProbe
    {
        public string? Name { get; init; }
    }
}
