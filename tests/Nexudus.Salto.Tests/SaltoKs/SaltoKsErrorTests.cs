using System.Net;
using Nexudus.Salto.SaltoKs;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>Error-code mapping, redaction of bodies, and the retry window after a user is created.</summary>
public sealed class SaltoKsErrorTests
{
    public static TheoryData<HttpStatusCode, string, Type> Mappings() => new()
    {
        { HttpStatusCode.NotFound, """{"ErrorCode":"2202","Message":"User not found"}""", typeof(SaltoKsNotFoundException) },
        { HttpStatusCode.NotFound, """{"ErrorCode":2202,"Message":"Otp is invalid"}""", typeof(SaltoKsNotFoundException) },
        { HttpStatusCode.NotFound, "", typeof(SaltoKsNotFoundException) },
        { HttpStatusCode.Forbidden, """{"ErrorCode":"2203","Message":"User does not have permission for this operation on this user"}""", typeof(SaltoKsForbiddenException) },
        { HttpStatusCode.Forbidden, """{"ErrorCode":"2212","Message":"No valid subscription"}""", typeof(SaltoKsForbiddenException) },
        { HttpStatusCode.BadRequest, """{"ErrorCode":"1102","Message":"The OData filter format is invalid"}""", typeof(SaltoKsInvalidFilterException) },
        { HttpStatusCode.BadRequest, """{"ErrorCode":"1101","Message":"At least one day should be selected"}""", typeof(SaltoKsApiException) },
        { HttpStatusCode.BadRequest, """{"ErrorCode":"2210","Message":"Site cannot be accessed if not released"}""", typeof(SaltoKsApiException) },
        { HttpStatusCode.MethodNotAllowed, "", typeof(SaltoKsApiException) },
        { HttpStatusCode.TooManyRequests, "", typeof(SaltoKsThrottledException) },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public async Task Call_ErrorResponse_ThrowsMappedExceptionWithStatusAndCode(HttpStatusCode status, string body, Type expected)
    {
        using var host = new SaltoKsTestHost(o => o.MaxRetryAttempts = 0);
        host.AcceptTokenRequests();
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1").Respond(_ => SaltoKsTestHost.Error(status, body));

        SaltoKsApiException error = await Assert.ThrowsAnyAsync<SaltoKsApiException>(() => host.Client.GetSiteAsync("s1"));

        Assert.IsType(expected, error);
        Assert.Equal((int)status, error.Status);
        Assert.Equal(SaltoKsErrorMapper.ReadErrorBody(body).Code, error.ErrorCode);
    }

    [Fact]
    public async Task Call_Rfc7807Body_ReadsStatusAndTitleWithoutTakingTypeAsCode()
    {
        using var host = new SaltoKsTestHost(o => o.MaxRetryAttempts = 0);
        host.AcceptTokenRequests();
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1").Respond(_ => SaltoKsTestHost.Error(
            HttpStatusCode.Forbidden,
            """{"type":"https://httpstatuses.io/403","title":"Forbidden","status":403,"traceId":"00-cea3d65c87df8ca9a62a34e8c0d672fd-9ff9cf7d6345cd71-00"}"""));

        SaltoKsApiException error = await Assert.ThrowsAnyAsync<SaltoKsApiException>(() => host.Client.GetSiteAsync("s1"));

        Assert.IsType<SaltoKsForbiddenException>(error);
        Assert.Equal(403, error.Status);
        Assert.Null(error.ErrorCode);
        Assert.Equal("Forbidden", error.ServiceMessage);
    }

    [Theory]
    [InlineData("""{"ErrorCode":"3102","Message":"otp_invalid"}""")]
    [InlineData("""{"ErrorCode":3102,"Message":"otp_invalid"}""")]
    public void ReadErrorBody_StringOrNumericErrorCode_ReadsTheDigits(string body)
    {
        Assert.Equal(("3102", "otp_invalid"), SaltoKsErrorMapper.ReadErrorBody(body));
    }

    [Fact]
    public async Task Call_ErrorWithMessage_ExceptionCarriesCodeMessageAndPath()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users")
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"ErrorCode":"1102","Message":"The OData filter format is invalid"}""");

        SaltoKsInvalidFilterException error = await Assert.ThrowsAsync<SaltoKsInvalidFilterException>(
            async () => await host.Client.FindSiteUsersByEmailAsync("s1", "private.person@example.com"));

        Assert.Equal("The OData filter format is invalid", error.ServiceMessage);
        Assert.Contains("GET /v1.1/sites/s1/users", error.Message, StringComparison.Ordinal);
        Assert.Contains("[1102]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("private.person", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ErrorBodyEchoesSecrets_BodyExcerptAndMessageAreRedacted()
    {
        using var host = new SaltoKsTestHost(o => o.MaxRetryAttempts = 0);
        host.AcceptTokenRequests();
        string body = $$"""
            {"ErrorCode":"1101","Message":"Invalid pin: 525149 for password={{SaltoKsTestHost.Password}}",
             "request":{"password":"{{SaltoKsTestHost.Password}}","pin":"525149","tag_number":"0012345678",
                        "access_token":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl","client_secret":"{{SaltoKsTestHost.ClientSecret}}"},
             "note":"Authorization: Bearer abc.def-ghi"}
            """;
        host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + "/v1.2/sites/s1/users/su-1").Respond(HttpStatusCode.BadRequest, "application/json", body);

        SaltoKsApiException error = await Assert.ThrowsAsync<SaltoKsApiException>(
            () => host.Client.UpdateSiteUserAsync("s1", new SiteUserId("su-1"), new SiteUserUpdateRequest { UsePin = true }));

        string everything = error.Message + error.ServiceMessage + error.BodyExcerpt + error;
        foreach (string secret in new[] { "525149", "0012345678", "S3cr3t", "eyJhbGci", "abc.def-ghi" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        Assert.Contains("\"ErrorCode\":\"1101\"", error.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_ErrorEchoesThePasswordUrlEncoded_IsRedactedAsForNexudus()
    {
        // One redactor for both clients: a known secret is also masked as a form or URL carries it.
        const string password = "Pa55!word S3cr3t#";
        using var host = new SaltoKsTestHost(o => { o.Password = password; o.MaxRetryAttempts = 0; });
        string body = """{"error":"invalid_grant","error_description":"no user for Pa55%21word%20S3cr3t%23 or Pa55%21word+S3cr3t%23"}""";
        host.Http.When(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint).Respond(HttpStatusCode.BadRequest, "application/json", body);

        SaltoKsApiException error = await Assert.ThrowsAnyAsync<SaltoKsApiException>(() => host.Client.GetSiteAsync("s1"));

        string everything = error.Message + error.ServiceMessage + error.BodyExcerpt + error;
        foreach (string form in new[] { password, Uri.EscapeDataString(password), WebUtility.UrlEncode(password) })
        {
            Assert.DoesNotContain(form, everything, StringComparison.Ordinal);
        }

        Assert.Contains("invalid_grant", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ErrorLogged_LogHasStatusAndCodeButNoQuery()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.1/sites/s1/users")
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"ErrorCode":"1102"}""");

        await Assert.ThrowsAsync<SaltoKsInvalidFilterException>(() => host.Client.FindSiteUsersByEmailAsync("s1", "private.person@example.com"));

        var record = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 4005);
        Assert.Contains("1102", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("private.person", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAboutNewUser_2202WithinWindow_IsRetriedUntilItSucceeds()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        await CreateUserAsync(host);
        host.ExpectApi(HttpMethod.Post, "/v1.1/sites/s1/access_groups/g1/users")
            .Respond(HttpStatusCode.NotFound, "application/json", """{"ErrorCode":"2202","Message":"User not found"}""");
        host.ExpectApi(HttpMethod.Post, "/v1.1/sites/s1/access_groups/g1/users")
            .Respond(HttpStatusCode.Forbidden, "application/json", """{"ErrorCode":"2203"}""");
        host.ExpectApiJson(HttpMethod.Post, "/v1.1/sites/s1/access_groups/g1/users", """{"user_id":"pu-new"}""").Respond(HttpStatusCode.OK);

        await host.AdvanceUntilDoneAsync(host.Client.AddAccessGroupMemberAsync("s1", "g1", new PlatformUserId("pu-new")));

        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CallAboutNewUser_2202AfterWindow_Throws()
    {
        using var host = new SaltoKsTestHost(o => o.PostCreateRetryWindow = TimeSpan.FromSeconds(30));
        host.AcceptTokenRequests();
        await CreateUserAsync(host);
        MockedRequest get = host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1/users/su-new")
            .Respond(HttpStatusCode.NotFound, "application/json", """{"ErrorCode":"2202"}""");

        await Assert.ThrowsAsync<SaltoKsNotFoundException>(() =>
            host.AdvanceThroughDelaysAsync(host.Client.GetSiteUserAsync("s1", new SiteUserId("su-new")), TimeSpan.FromSeconds(5)));

        // 30 s window, 5 s between tries (the clock moves only while the client waits): the failures at 0, 5, … 25 s
        // came inside the window and were retried; the try at 30 s fails outside it and is the last.
        Assert.Equal(7, host.Http.GetMatchCount(get));
    }

    [Fact]
    public async Task CallAboutOtherUser_2202_IsNotRetried()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        await CreateUserAsync(host);
        MockedRequest get = host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1/users/su-old")
            .Respond(HttpStatusCode.NotFound, "application/json", """{"ErrorCode":"2202"}""");

        await Assert.ThrowsAsync<SaltoKsNotFoundException>(() => host.Client.GetSiteUserAsync("s1", new SiteUserId("su-old")));
        Assert.Equal(1, host.Http.GetMatchCount(get));
    }

    [Fact]
    public async Task CallAboutNewUser_OtherError_IsNotRetried()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        await CreateUserAsync(host);
        MockedRequest patch = host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + "/v1.2/sites/s1/users/su-new/subscription")
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"ErrorCode":"1101"}""");

        await Assert.ThrowsAsync<SaltoKsApiException>(
            () => host.Client.SetSiteUserSubscriptionAsync("s1", new SiteUserId("su-new"), SubscriptionState.Subscribed));
        Assert.Equal(1, host.Http.GetMatchCount(patch));
    }

    [Fact]
    public async Task CallAboutNewUser_WindowZero_IsNotRetried()
    {
        using var host = new SaltoKsTestHost(o => o.PostCreateRetryWindow = TimeSpan.Zero);
        host.AcceptTokenRequests();
        await CreateUserAsync(host);
        MockedRequest get = host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1/users/su-new")
            .Respond(HttpStatusCode.NotFound, "application/json", """{"ErrorCode":"2202"}""");

        await Assert.ThrowsAsync<SaltoKsNotFoundException>(() => host.Client.GetSiteUserAsync("s1", new SiteUserId("su-new")));
        Assert.Equal(1, host.Http.GetMatchCount(get));
    }

    private static async Task CreateUserAsync(SaltoKsTestHost host)
    {
        host.ExpectApi(HttpMethod.Post, "/v1.1/sites/s1/users")
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"su-new","user":{"id":"pu-new"}}""");
        await host.Client.CreateSiteUserAsync("s1", new SiteUserCreateRequest { FirstName = "Tag", LastName = "Only" });
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_SignInPageWith200_IsNeverTakenAsDone()
    {
        // Found by the chaos soak: a 200 sign-in page answering a membership PATCH was taken as SALTO's acceptance, so the
        // ledger forgot a removal SALTO never made and the member kept the group.
        using var host = new SaltoKsTestHost(o => o.MaxRetryAttempts = 0);
        host.AcceptTokenRequests();
        host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + "/v1.1/sites/s1/access_groups/g1/users")
            .Respond(HttpStatusCode.OK, "text/html", "<!DOCTYPE html><html><body><h1>Please sign in</h1></body></html>");

        AccessGroupMembersChangeResult result;
        try
        {
            result = await host.Client.ChangeAccessGroupMembersAsync("s1", "g1", new AccessGroupUsersChange { RemoveIds = [new PlatformUserId("pu-1"), new PlatformUserId("pu-2")] });
        }
        catch (SaltoKsApiException ex)
        {
            Assert.Contains("HTML page", ex.Message, StringComparison.Ordinal);
            return;
        }

        Assert.Empty(result.RemovedIds);
        Assert.Contains(result.Chunks, c => c.Error is SaltoKsApiException e && e.Message.Contains("HTML page", StringComparison.Ordinal));
    }
}
