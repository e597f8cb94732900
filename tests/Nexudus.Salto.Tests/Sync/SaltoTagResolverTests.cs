using System.Net;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Tests.SaltoKs;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.Sync;

public sealed class SaltoTagResolverTests : IDisposable
{
    private readonly SaltoKsTestHost _host = new();

    public SaltoTagResolverTests() => _host.AcceptTokenRequests();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ResolveAsync_NumbersInAnyCase_MapToRegisteredTagsAndUnknownOnesAreLeftOut()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/tags")
            .Respond("application/json", """{"items":[{"id":"t-1","tag_number":"AB12"},{"id":"t-2","tag_number":5678}]}""");

        var resolved = await new SaltoTagResolver(_host.Client).ResolveAsync("s1", ["ab12", "5678", "9999"]);

        Assert.Equal(new Dictionary<string, string> { ["ab12"] = "t-1", ["5678"] = "t-2" }, resolved);
    }

    [Fact]
    public async Task ResolveAsync_NothingToResolve_MakesNoCall()
    {
        var list = _host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.1/sites/s1/tags").Respond(HttpStatusCode.OK);

        Assert.Empty(await new SaltoTagResolver(_host.Client).ResolveAsync("s1", []));
        Assert.Equal(0, _host.Http.GetMatchCount(list));
    }
}
