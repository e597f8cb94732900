using System.Text;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Builds request URIs: <c>{BaseUrl}/{version}/{path}?{query}</c>, with every id escaped as one path segment so an id
/// can never change the route, and query values percent-encoded (an e-mail's <c>+</c> stays a plus).
/// </summary>
internal sealed class SaltoKsRoute
{
    private readonly StringBuilder _path = new();
    private readonly List<KeyValuePair<string, string>> _query = [];

    private SaltoKsRoute(string version) => _path.Append(version);

    /// <summary>The path for messages and logs: ids included, query left out (it may hold an e-mail).</summary>
    public string Path => "/" + _path;

    public static SaltoKsRoute Version(string version) => new(version);

    /// <summary>Appends literal segments (written by us, never user data).</summary>
    public SaltoKsRoute Literal(string segments)
    {
        _path.Append('/').Append(segments);
        return this;
    }

    /// <summary>Appends one id as an escaped segment.</summary>
    public SaltoKsRoute Id(string id, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, parameterName);
        _path.Append('/').Append(Uri.EscapeDataString(id));
        return this;
    }

    /// <summary>Appends a configured template such as <c>sites/{site_id}/tags</c>, filling in escaped values.</summary>
    public SaltoKsRoute Template(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder(template);
        foreach (KeyValuePair<string, string> value in values)
        {
            text.Replace("{" + value.Key + "}", Uri.EscapeDataString(value.Value));
        }

        _path.Append('/').Append(text);
        return this;
    }

    public SaltoKsRoute Query(string name, string? value)
    {
        if (value is not null)
        {
            _query.Add(new(name, value));
        }

        return this;
    }

    public Uri ToUri(Uri baseUrl)
    {
        var text = new StringBuilder(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        text.Append('/').Append(_path);
        char separator = '?';
        foreach (KeyValuePair<string, string> parameter in _query)
        {
            text.Append(separator).Append(parameter.Key).Append('=').Append(Uri.EscapeDataString(parameter.Value));
            separator = '&';
        }

        return new Uri(text.ToString(), UriKind.Absolute);
    }
}
