using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// Where one integration's services live in the container. The default integration (<c>AddSaltoIntegration(configuration)</c>,
/// <paramref name="Name"/> <see langword="null"/>) uses plain services and the default options; a named integration
/// (<c>AddSaltoIntegration("operator-a", section)</c>) uses keyed services under its name, options of that name and
/// HTTP clients of its own, so that each has its own account, token, rate limiter and state.
/// </summary>
/// <param name="Name">The integration's name, or <see langword="null"/> for the default integration.</param>
internal sealed partial record IntegrationScope(string? Name)
{
    /// <summary>The default integration.</summary>
    public static IntegrationScope Default { get; } = new((string?)null);

    /// <summary>Gets the name its options are registered under (<see cref="Options.DefaultName"/> for the default integration).</summary>
    public string OptionsName => Name ?? Options.DefaultName;

    /// <summary>The name of one of its HTTP clients: the default client's name, followed by <c>:</c> and the integration's name.</summary>
    public string ClientName(string defaultName) => Name is null ? defaultName : $"{defaultName}:{Name}";

    /// <summary>Resolves one of its services.</summary>
    public T Get<T>(IServiceProvider services)
        where T : notnull =>
        Name is null ? services.GetRequiredService<T>() : services.GetRequiredKeyedService<T>(Name);

    /// <summary>Resolves one of its optional services.</summary>
    public T? Find<T>(IServiceProvider services)
        where T : class =>
        Name is null ? services.GetService<T>() : services.GetKeyedService<T>(Name);

    /// <summary>Its options of type <typeparamref name="T"/>.</summary>
    public IOptions<T> GetOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(IServiceProvider services)
        where T : class =>
        Name is null
            ? services.GetRequiredService<IOptions<T>>()
            : Microsoft.Extensions.Options.Options.Create(services.GetRequiredService<IOptionsMonitor<T>>().Get(Name));

    /// <summary>Adds one of its singletons, unless one is registered already (services registered first win).</summary>
    public void TryAddSingleton<T>(IServiceCollection services, Func<IServiceProvider, T> factory)
        where T : class
    {
        if (Name is null)
        {
            services.TryAddSingleton(factory);
        }
        else
        {
            services.TryAdd(ServiceDescriptor.KeyedSingleton<T>(Name, (sp, _) => factory(sp)));
        }
    }

    /// <summary>Adds one of its transient services, unless one is registered already.</summary>
    public void TryAddTransient<T>(IServiceCollection services, Func<IServiceProvider, T> factory)
        where T : class
    {
        if (Name is null)
        {
            services.TryAddTransient(factory);
        }
        else
        {
            services.TryAdd(ServiceDescriptor.KeyedTransient<T>(Name, (sp, _) => factory(sp)));
        }
    }

    /// <summary>Whether a marker of this integration is registered (its services were added already).</summary>
    public bool IsMarked<TMarker>(IServiceCollection services) =>
        Name is null
            ? services.Any(d => d.ServiceType == typeof(TMarker) && !d.IsKeyedService)
            : services.Any(d => d.ServiceType == typeof(TMarker) && d.IsKeyedService && Equals(d.ServiceKey, Name));

    /// <summary>Registers a marker of this integration.</summary>
    public void Mark<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TMarker>(IServiceCollection services)
        where TMarker : class, new()
    {
        if (Name is null)
        {
            services.AddSingleton<TMarker>();
        }
        else
        {
            services.AddKeyedSingleton<TMarker>(Name);
        }
    }

    /// <summary>Checks an integration name: it names keyed services, HTTP clients, files and database schemas.</summary>
    /// <exception cref="ArgumentException">The name is empty or has other characters than letters, digits, <c>-</c> and <c>_</c>.</exception>
    public static string CheckName(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameter);
        return NamePattern().IsMatch(name)
            ? name
            : throw new ArgumentException(
                $"An integration name must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit; '{name}' is not.", parameter);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
