using System.Diagnostics;
using Nexudus.Salto.PostgreSql;
using Npgsql;

namespace Nexudus.Salto.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: the one <c>NEXUDUS_SALTO_TEST_POSTGRES</c> names (CI starts one with
/// <c>eng/ci/postgres.sh</c>), or else a throwaway one this test run starts with the same script and stops at its
/// end. Each test gets its own schema, so tests run in parallel on one server.
/// </summary>
internal static class PostgreSqlTestServer
{
    public const string Variable = "NEXUDUS_SALTO_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<string> ConnectionStringAsync() => Server.Value;

    /// <summary>A store on a new, empty schema of its own.</summary>
    public static async Task<PostgreSqlSyncStateStore> NewStoreAsync(Func<PostgreSqlSyncStateStoreOptions, PostgreSqlSyncStateStoreOptions>? configure = null)
    {
        var options = new PostgreSqlSyncStateStoreOptions { ConnectionString = await ConnectionStringAsync(), Schema = "t_" + Guid.NewGuid().ToString("N") };
        return new PostgreSqlSyncStateStore(configure is null ? options : configure(options));
    }

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var script = FindScript() ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need a server: set {Variable} to a connection string (a user allowed to create schemas), " +
            "or run the tests from a clone of the repository, where they start one with eng/ci/postgres.sh.");
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { script, "start", "--owner-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started to run eng/ci/postgres.sh.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests could not start a server with {script} (exit {process.ExitCode}): {(await error).Trim()} " +
                $"Install PostgreSQL (Debian/Ubuntu: apt-get install postgresql), or set {Variable} to a connection string.");
        }

        string? connectionString = null, directory = null;
        foreach (var line in (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            connectionString ??= Value(line, Variable);
            directory ??= Value(line, Variable + "_DIR");
        }

        if (connectionString is null || directory is null)
        {
            throw new InvalidOperationException($"{script} started no server it could name: {await output}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var stop = Process.Start(new ProcessStartInfo("bash") { ArgumentList = { script, "stop", directory }, UseShellExecute = false });
            stop?.WaitForExit(30_000);
        };
        return connectionString;
    }

    private static string? Value(string line, string name)
    {
        var prefix = $"export {name}='";
        return line.StartsWith(prefix, StringComparison.Ordinal) && line.EndsWith('\'') ? line[prefix.Length..^1] : null;
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "eng", "ci", "postgres.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
