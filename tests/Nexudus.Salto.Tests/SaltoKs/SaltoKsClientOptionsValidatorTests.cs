using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.SaltoKs;

public sealed class SaltoKsClientOptionsValidatorTests
{
    private static SaltoKsClientOptions Valid() => new() { ClientId = "c", ClientSecret = "s", Username = "u@example.com", Password = "p" };

    private static List<string> Errors(SaltoKsClientOptions options) =>
        new SaltoKsClientOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.Empty(Errors(new SaltoKsClientOptions()));

    [Fact]
    public void Validate_PasswordGrantSettings_Succeed() => Assert.Empty(Errors(Valid()));

    [Theory]
    [InlineData("http://localhost:5080")]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://clp-accept-user.my-clay.com")]
    public void Validate_HttpsOrLoopbackBaseUrl_Succeeds(string url)
    {
        SaltoKsClientOptions options = Valid();
        options.BaseUrl = new Uri(url);

        Assert.Empty(Errors(options));
    }

    [Fact]
    public void Validate_PlainHttpRemoteUrls_NamesBothKeys()
    {
        SaltoKsClientOptions options = Valid();
        options.BaseUrl = new Uri("http://connect.my-clay.com");
        options.IdentityUrl = new Uri("http://identity.eu.my-clay.com");

        IReadOnlyList<string> errors = Errors(options);

        Assert.Contains(errors, e => e.StartsWith("SaltoKs:BaseUrl must use https", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("SaltoKs:IdentityUrl must use https", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ManyBadKeys_ListsEveryOneByFullPath()
    {
        var options = new SaltoKsClientOptions
        {
            Username = "u@example.com",
            Scope = " ",
            EntriesPageSize = 0,
            MembershipChunkSize = -1,
            ListPageSize = 0,
            MaxRetryAttempts = -1,
            AttemptTimeout = TimeSpan.Zero,
        };
        options.ApiVersions.Entries = "1.1";
        options.Tags.ListPath = "/absolute/{site_id}";
        options.Tags.AssignPath = "sites/../admin";

        IReadOnlyList<string> errors = new SaltoKsClientOptionsValidator("Tenants:0:SaltoKs").Validate(null, options).Failures!.ToList();

        foreach (string key in new[]
        {
            "Password", "ClientId", "Scope", "EntriesPageSize", "MembershipChunkSize", "ListPageSize", "MaxRetryAttempts",
            "AttemptTimeout", "ApiVersions:Entries", "Tags:ListPath", "Tags:AssignPath",
        })
        {
            Assert.Contains(errors, e => e.StartsWith("Tenants:0:SaltoKs:" + key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_UnknownEntryLockFilter_NamesTheKey()
    {
        SaltoKsClientOptions options = Valid();
        options.EntryLockFilter = (SaltoKsEntryLockFilterMode)7;

        Assert.Equal(["SaltoKs:EntryLockFilter is not a known mode."], Errors(options));
    }

    [Fact]
    public void Validate_UnknownScheduleDateMode_NamesTheKey()
    {
        SaltoKsClientOptions options = Valid();
        options.ScheduleDates = (SaltoKsScheduleDateMode)3;

        Assert.Equal(["SaltoKs:ScheduleDates is not a known mode."], Errors(options));
    }

    [Fact]
    public void Validate_BadSiteSubscriptionVersion_NamesTheKey()
    {
        SaltoKsClientOptions options = Valid();
        options.ApiVersions.SiteSubscription = "latest";

        Assert.Equal(["SaltoKs:ApiVersions:SiteSubscription must look like v1.1 (got 'latest')."], Errors(options));
    }

    [Fact]
    public void Validate_Messages_NeverContainSecrets()
    {
        var options = new SaltoKsClientOptions { Password = "hunter2-S3cr3t", ClientSecret = "S3cr3t-client", RefreshToken = "S3cr3t-refresh" };

        Assert.All(Errors(options), e => Assert.DoesNotContain("S3cr3t", e, StringComparison.Ordinal));
        Assert.NotEmpty(Errors(options));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithEveryProblem()
    {
        SaltoKsClientOptions options = Valid();
        options.BaseUrl = new Uri("http://connect.example");
        options.MembershipChunkSize = 0;
        using var http = new HttpClient();

        var error = Assert.Throws<ArgumentException>(() => new SaltoKsClient(http, options));

        Assert.Contains("SaltoKs:BaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("SaltoKs:MembershipChunkSize", error.Message, StringComparison.Ordinal);
    }
}
