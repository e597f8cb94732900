using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.PostgreSql;
using Nexudus.Salto.Reports;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Webhooks;
using Xunit.Abstractions;

namespace Nexudus.Salto.Tests.DependencyInjection;

/// <summary>
/// Every configuration key reaches the component that uses it, and every setting of the components' options comes from
/// configuration. The keys are found by reflection (every public settable property of the options classes, through
/// nested settings, lists and dictionaries), so a property added to an options class and not wired fails here.
/// </summary>
public sealed class ConfigurationReachTests(ITestOutputHelper output)
{
    private const string Named = "operator-a";
    private const string NamedSection = "Integrations:" + Named;

    /// <summary>
    /// Settings of the components' options that configuration intentionally does not set, each with its reason. A key
    /// is the view (below) and the setting's path in it.
    /// </summary>
    private static readonly Dictionary<string, string> NotFromConfiguration = new(StringComparer.Ordinal)
    {
        ["Sync:AllowMassRevocation"] =
            "the operator's release of the revocation guard is a decision per run (SyncRunOptions.AllowMassRevocation, the CLI's flag); a standing key would switch the guard off for every run",
        ["CheckIns:EntryClassifier"] = "code (a classifier object), not a setting",
        ["CheckIns:EntriesPageSize"] = "left unset so the SALTO client's own SaltoKs:EntriesPageSize applies",
        ["CheckIns:AcquireLease"] = "a composition choice in code: a caller that already holds the state's lease turns it off",
        ["Reports:EntryClassifier"] = "code (a classifier object), not a setting",
        ["Reports:EntriesPageSize"] = "left unset so the SALTO client's own SaltoKs:EntriesPageSize applies",
        ["State:BusyTimeout"] = "SQLite's wait for a lock held by another connection of the same file; not a deployment setting",
    };

    /// <summary>The options classes a user configures, and the section each is bound from.</summary>
    private static readonly (string Section, Type Options)[] Sections =
    [
        (NexudusClientOptions.SectionName, typeof(NexudusClientOptions)),
        (SaltoKsClientOptions.SectionName, typeof(SaltoKsClientOptions)),
        (SaltoIntegrationOptions.SectionName, typeof(SaltoIntegrationOptions)),
        (PostgreSqlSyncStateStoreOptions.SectionName, typeof(PostgreSqlSyncStateStoreOptions)),
    ];

    [Fact]
    public void AddSaltoIntegration_EveryKeySetFromConfiguration_ReachesItsComponentInTheDefaultAndANamedIntegration()
    {
        var keys = AllKeys(prefix: string.Empty, salt: 1).Concat(AllKeys(prefix: NamedSection + ":", salt: 2)).ToList();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(keys.Select(k => KeyValuePair.Create(k.Path, (string?)k.Text))).Build();

        var settings = new List<(string View, string ConfigurationPath, OptionsGraph.Setting Setting)>();
        using (var provider = Build(configuration, postgreSql: false))
        {
            settings.AddRange(Views(provider, name: null, prefix: string.Empty));
            settings.AddRange(Views(provider, Named, NamedSection + ":"));
        }

        using (var provider = Build(configuration, postgreSql: true))
        {
            settings.AddRange(PostgreSqlViews(provider, name: null, prefix: string.Empty));
            settings.AddRange(PostgreSqlViews(provider, Named, NamedSection + ":"));
        }

        var failures = new List<string>();
        var reached = settings.ToLookup(s => s.ConfigurationPath, StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            var found = reached[key.Path].ToList();
            if (found.Count == 0)
            {
                failures.Add($"{key.Path} = {key.Text} reaches no component.");
            }
            else if (!found.Any(s => s.Setting.Text == key.Text))
            {
                failures.Add($"{key.Path} = {key.Text} reaches {string.Join(", ", found.Select(s => $"{s.View}:{s.Setting.Path} as {s.Setting.Text}"))}.");
            }
        }

        foreach (var (view, path, setting) in settings.Where(s => s.Setting.IsDefault))
        {
            failures.Add($"{view}:{setting.Path} ({path}) keeps its default ({setting.Text}): no configuration key reaches it.");
        }

        var distinct = settings.Select(s => $"{s.View}:{s.Setting.Path}").Distinct().Count();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Configuration keys set: {keys.Count} over two integrations; component settings set from configuration: {settings.Count(s => !s.Setting.IsDefault)} of {settings.Count} ({distinct} distinct), not from configuration by design: {NotFromConfiguration.Count}."));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void NotFromConfiguration_EveryListedSetting_ExistsOnItsOptionsClass()
    {
        var types = new Dictionary<string, Type>
        {
            ["Sync"] = typeof(AccessSyncOptions), ["CheckIns"] = typeof(CheckInBridgeOptions),
            ["Reports"] = typeof(AccessReportOptions), ["State"] = typeof(SqliteSyncStateStoreOptions),
        };

        foreach (var entry in NotFromConfiguration.Keys)
        {
            var (view, property) = (entry[..entry.IndexOf(':', StringComparison.Ordinal)], entry[(entry.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            Assert.NotNull(types[view].GetProperty(property));
        }
    }

    /// <summary>Every key of every section, each set to a valid value other than its default.</summary>
    private static List<OptionsGraph.Key> AllKeys(string prefix, int salt) =>
        [.. Sections.SelectMany(s => OptionsGraph.Keys(s.Options, prefix + s.Section, salt, Override))];

    // Values the generic rule (default plus a little) cannot make valid.
    private static object? Override(string path, int salt) => path switch
    {
        _ when path.EndsWith("PostgreSql:ConnectionString", StringComparison.Ordinal) =>
            $"Host=db{salt}.example.test;Database=salto;Username=salto;Password=secret-{salt}",
        _ when path.EndsWith("PostgreSql:Schema", StringComparison.Ordinal) => $"nexudus_salto_s{salt}",
        _ => null,
    };

    private static ServiceProvider Build(IConfiguration configuration, bool postgreSql)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var section = configuration.GetSection(NamedSection);
        var builder = services.AddSaltoIntegration(configuration).AddWorker();
        var named = services.AddSaltoIntegration(Named, section).AddWorker();
        if (postgreSql)
        {
            builder.UsePostgreSqlStateStore(configuration);
            named.UsePostgreSqlStateStore(section);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>
    /// The options each component of one integration holds, flattened and named by the configuration key they come
    /// from (a location's <c>Links</c> are its keys; the SQLite store's <c>Path</c> is <c>StatePath</c>).
    /// </summary>
    private static List<(string View, string ConfigurationPath, OptionsGraph.Setting Setting)> Views(IServiceProvider provider, string? name, string prefix)
    {
        var integration = prefix + SaltoIntegrationOptions.SectionName;
        var runs = Get<IIntegrationRuns>(provider, name);
        var worker = provider.GetServices<IHostedService>().OfType<SaltoIntegrationWorker>().Single(w => ReferenceEquals(FieldOf<IIntegrationRuns>(w), runs));
        var views = new List<(string View, object Options, string Root, Func<string, string> Rename)>
        {
            ("Sync", FieldOf<AccessSyncOptions>(Get<AccessSynchronizer>(provider, name)), integration, path => path
                .Replace(":Links:", ":", StringComparison.Ordinal)
                .Replace($"{integration}:MembershipChunkSize", $"{prefix}{SaltoKsClientOptions.SectionName}:MembershipChunkSize", StringComparison.Ordinal)),
            ("CheckIns", FieldOf<CheckInBridgeOptions>(Get<CheckInBridge>(provider, name)), integration, path => path.Replace(":Links:", ":", StringComparison.Ordinal)),
            ("Reports", FieldOf<AccessReportOptions>(Get<AccessReportBuilder>(provider, name)), integration, path => path.Replace(":Links:", ":", StringComparison.Ordinal)),
            ("State", FieldOf<SqliteSyncStateStoreOptions>(Get<ISyncStateStore>(provider, name)), integration, path => path
                .Replace($"{integration}:Path", $"{integration}:StatePath", StringComparison.Ordinal)
                .Replace($"{integration}:ProcessedEntryRetention", $"{integration}:EntryRetention", StringComparison.Ordinal)),
            ("Worker", FieldOf<SaltoWorkerOptions>(worker), $"{integration}:Worker", path => path),
            ("WorkerWebhooks", FieldOf<SaltoWebhookOptions>(worker), $"{integration}:Webhooks", path => path),
            ("Nexudus", FieldOf<NexudusClientOptions>(Get<INexudusClient>(provider, name)), prefix + NexudusClientOptions.SectionName, path => path),
            ("SaltoKs", FieldOf<SaltoKsClientOptions>(Get<ISaltoKsClient>(provider, name)), prefix + SaltoKsClientOptions.SectionName, path => path),
        };
        var settings = views.SelectMany(v => Flatten(v.View, v.Options, v.Root, v.Rename)).ToList();
        if (Find<NexudusWebhookReceiver>(provider, name) is { } receiver)
        {
            // The receiver keeps what it uses of the webhook settings rather than the options object.
            var maxBodyBytes = new OptionsGraph.Setting("MaxBodyBytes", OptionsGraph.Format(receiver.MaxBodyBytes), receiver.MaxBodyBytes == SaltoWebhookOptions.DefaultMaxBodyBytes);
            settings.Add(("Receiver", $"{integration}:Webhooks:MaxBodyBytes", maxBodyBytes));
        }

        return settings;
    }

    private static IEnumerable<(string View, string ConfigurationPath, OptionsGraph.Setting Setting)> PostgreSqlViews(IServiceProvider provider, string? name, string prefix)
    {
        var store = name is null ? provider.GetRequiredService<PostgreSqlSyncStateStore>() : provider.GetRequiredKeyedService<PostgreSqlSyncStateStore>(name);
        return Flatten("PostgreSql", FieldOf<PostgreSqlSyncStateStoreOptions>(store), prefix + PostgreSqlSyncStateStoreOptions.SectionName, path => path);
    }

    private static IEnumerable<(string View, string ConfigurationPath, OptionsGraph.Setting Setting)> Flatten(
        string view, object options, string root, Func<string, string> rename) =>
        OptionsGraph.Settings(options, root, path => NotFromConfiguration.ContainsKey($"{view}:{path[(root.Length + 1)..]}"))
            .Select(s => (view, rename(s.Path), s with { Path = s.Path[(root.Length + 1)..] }));

    private static T Get<T>(IServiceProvider provider, string? name)
        where T : notnull =>
        name is null ? provider.GetRequiredService<T>() : provider.GetRequiredKeyedService<T>(name);

    private static T? Find<T>(IServiceProvider provider, string? name)
        where T : class =>
        name is null ? provider.GetService<T>() : provider.GetKeyedService<T>(name);

    /// <summary>The options object a component holds: its field of that type, or one of its parts' (one level down).</summary>
    private static T FieldOf<T>(object component)
        where T : class =>
        FindField<T>(component) ??
        Fields(component.GetType()).Select(f => f.GetValue(component)).OfType<object>().Where(v => !v.GetType().IsPrimitive)
            .Select(FindField<T>).FirstOrDefault(v => v is not null) ??
        throw new InvalidOperationException($"{component.GetType().Name} holds no {typeof(T).Name}.");

    private static T? FindField<T>(object component)
        where T : class =>
        Fields(component.GetType()).Where(f => typeof(T).IsAssignableFrom(f.FieldType)).Select(f => f.GetValue(component)).OfType<T>().FirstOrDefault();

    private static IEnumerable<FieldInfo> Fields(Type? type)
    {
        for (; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }
}
