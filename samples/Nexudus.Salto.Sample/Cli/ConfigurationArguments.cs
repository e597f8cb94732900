namespace Nexudus.Salto.Sample.Cli;

/// <summary>
/// Separates configuration-style arguments (<c>--Nexudus:BaseUrl=https://…</c>) from the command line the
/// commands parse, so a deployment can set any configuration key on the command line without the parser rejecting it.
/// </summary>
/// <remarks>
/// An argument is configuration when its name (the part after <c>--</c>, before any <c>=</c>) holds a
/// colon, as every key below a section does, or is the standard <c>urls</c> host setting (where <c>watch</c>
/// serves webhooks). Its value follows the <c>=</c>, always: a key written without one
/// (<c>--Nexudus:ClientId --dry-run</c>) is an error, never a key that swallows the next option (which turned a
/// dry run into a live run). Command options never hold a colon and none is called <c>--urls</c>, so nothing is
/// taken from them.
/// </remarks>
internal static class ConfigurationArguments
{
    /// <summary>Splits the arguments.</summary>
    /// <param name="args">The process arguments.</param>
    /// <returns>The command's arguments and the configuration arguments, each in their original order.</returns>
    public static (string[] Command, string[] Configuration) Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!IsConfigurationKey(arg))
            {
                command.Add(arg);
                continue;
            }

            if (arg.Contains('=', StringComparison.Ordinal))
            {
                configuration.Add(arg);
            }
            else
            {
                // A key with no '=': reported by WithoutValue, and never given the next argument as its value.
                command.Add(arg);
            }
        }

        return ([.. command], [.. configuration]);
    }

    /// <summary>The configuration arguments written without <c>=</c>: each is an error.</summary>
    /// <param name="args">The process arguments.</param>
    /// <returns>The keys, in order; empty when every configuration argument has its value.</returns>
    public static IReadOnlyList<string> WithoutValue(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. args.Where(a => IsConfigurationKey(a) && !a.Contains('=', StringComparison.Ordinal))];
    }

    private static bool IsConfigurationKey(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return false;
        }

        var name = arg[2..];
        var equals = name.IndexOf('=', StringComparison.Ordinal);
        var key = equals >= 0 ? name[..equals] : name;
        return (key.Length > 0 && key.Contains(':', StringComparison.Ordinal) && !key.StartsWith(':')) ||
               string.Equals(key, "urls", StringComparison.OrdinalIgnoreCase);
    }
}
