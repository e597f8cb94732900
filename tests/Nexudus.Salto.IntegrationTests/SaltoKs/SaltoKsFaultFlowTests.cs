using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.SaltoKs.SaltoKsClientOnSandbox;

namespace Nexudus.Salto.IntegrationTests.SaltoKs;

/// <summary>
/// Whole flows through the real client while the sandbox misbehaves as SALTO KS does: expired tokens, throttling,
/// 5xx bursts, lost answers to a create, and the post-create consistency window.
/// </summary>
public sealed class SaltoKsFaultFlowTests
{
    // These flows cover the refresh-token reading: a client registration that grants offline_access, and a client that asks for it.
    private static Task<SaltoKsClientOnSandbox> StartAsync(Action<SaltoKsSandboxOptions>? sandbox = null, Action<SaltoKsClientOptions>? client = null) =>
        SaltoKsClientOnSandbox.StartAsync(
            o =>
            {
                o.GrantedScopes.Add("offline_access");
                sandbox?.Invoke(o);
            },
            o =>
            {
                o.Scope = "user_api.full_access offline_access";
                client?.Invoke(o);
            });

    private const string Group = "9a1e0000-0000-4000-8000-00000000a001";
    private const string TokenRoute = "/identity/connect/token";
    private const string MembersRoute = "/v1.1/sites/{site_id}/access_groups/{access_group_id}/users";
    private const string CreateUserRoute = "/v1.1/sites/{site_id}/users";
    private const string MembersPattern = "/v1.1/sites/*/access_groups/*/users";
    private static readonly SiteUserCreateRequest Sam = new() { FirstName = "Sam", LastName = "O'Neil", Email = "sam.o'neil@example.com" };

    private static PlatformUserId Platform(int n) => new($"9b000000-0000-4000-8000-{n:D12}");

    private static void SeedGroupAndUsers(SaltoKsSandbox sandbox, int users) => sandbox.Seed(b =>
    {
        b.AccessGroup(Group, "Members");
        for (int n = 1; n <= users; n++)
        {
            b.User(new SiteUserId($"5a000000-0000-4000-8000-{n:D12}"), Platform(n), email: $"user{n}@example.com");
        }
    });

    private static int[] Statuses(IEnumerable<SandboxRequest> requests) => [.. requests.Select(r => r.StatusCode ?? 0)];

    [Fact]
    public async Task ListRead_TokensExpireBetweenPages_RefreshesOnceAndReadsEverything()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.MaxPageSize = 1);
        run.Sandbox.Seed(b => b.AccessGroup("g1", "One").AccessGroup("g2", "Two").AccessGroup("g3", "Three"));
        var read = new List<string>();

        await foreach (AccessGroup group in run.Client.GetAccessGroupsAsync(SiteId))
        {
            read.Add(group.Id);
            if (read.Count == 1)
            {
                run.Sandbox.ExpireAllTokens();
            }
        }

        Assert.Equal(["g1", "g2", "g3"], read);
        Assert.Equal([200, 401, 200, 200], Statuses(run.Served("GET", "/v1.1/sites/{site_id}/access_groups")));
        Assert.Equal(2, run.Served("POST", TokenRoute).Count);
    }

    [Fact]
    public async Task Call_TokensExpired_RenewsWithTheRefreshTokenNotThePassword()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        await run.Client.GetSiteAsync(SiteId);
        run.Sandbox.ExpireAllTokens();

        await run.Client.GetSiteAsync(SiteId);

        Assert.Equal(
            ["password", "refresh_token"],
            run.Logs.GetSnapshot().Where(r => r.Id.Id == 4001).Select(r => r.StructuredState!.Single(p => p.Key == "GrantType").Value));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Calls_TokensExpireTwice_RenewWithTheLatestRefreshTokenWhetherOrNotItRotates(bool rotate)
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.RotateRefreshTokens = rotate);
        await run.Client.GetSiteAsync(SiteId);

        for (int i = 0; i < 2; i++)
        {
            run.Sandbox.ExpireAllTokens();
            await run.Client.GetSiteAsync(SiteId);
        }

        Assert.Equal([200, 200, 200], Statuses(run.Served("POST", TokenRoute)));
        Assert.Equal(
            ["password", "refresh_token", "refresh_token"],
            run.Logs.GetSnapshot().Where(r => r.Id.Id == 4001).Select(r => r.StructuredState!.Single(p => p.Key == "GrantType").Value));
    }

    [Fact]
    public async Task Call_ShortTokenLifetime_RefreshesBeforeTheTokenDies()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.AccessTokenLifetime = TimeSpan.FromSeconds(90));
        await run.Client.GetSiteAsync(SiteId);
        run.Time.Advance(TimeSpan.FromSeconds(60));

        await run.Client.GetSiteAsync(SiteId);

        Assert.Equal([200, 200], Statuses(run.Served("GET", "/v1.2/sites/{site_id}")));
        Assert.Equal(2, run.Served("POST", TokenRoute).Count);
    }

    [Fact]
    public async Task Call_TokenLifetimePassesOnTheClock_RefreshesAheadOfExpiryWithout401()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        await run.Client.GetSiteAsync(SiteId);
        run.Time.Advance(TimeSpan.FromMinutes(59.5));

        await run.Client.GetSiteAsync(SiteId);

        Assert.Equal([200, 200], Statuses(run.Served("GET", "/v1.2/sites/{site_id}")));
        Assert.Equal(2, run.Served("POST", TokenRoute).Count);
    }

    [Fact]
    public async Task Call_429WithRetryAfter_WaitsThatLongOnTheClockThenSucceeds()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        run.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/v1.2/sites/*", SaltoKsFaults.TooManyRequests(TimeSpan.FromSeconds(30))).ForNextCalls(1));

        Site site = await run.AdvanceUntilDoneAsync(run.Client.GetSiteAsync(SiteId));

        Assert.Equal(SiteId, site.Id);
        IReadOnlyList<SandboxRequest> calls = run.Served("GET", "/v1.2/sites/{site_id}");
        Assert.Equal([429, 200], Statuses(calls));
        Assert.True(calls[1].Timestamp - calls[0].Timestamp >= TimeSpan.FromSeconds(30), $"Retried after {calls[1].Timestamp - calls[0].Timestamp}.");
    }

    [Fact]
    public async Task Call_429RetryAfterLongerThanTheClientWaits_ThrowsThrottledAtOnce()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(client: o => o.MaxRetryAfter = TimeSpan.FromSeconds(10));
        run.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/v1.2/sites/*", SaltoKsFaults.TooManyRequests(TimeSpan.FromMinutes(5))));

        SaltoKsThrottledException error = await Assert.ThrowsAsync<SaltoKsThrottledException>(() => run.Client.GetSiteAsync(SiteId));

        Assert.Equal(TimeSpan.FromMinutes(5), error.RetryAfter);
        Assert.Single(run.Served("GET", "/v1.2/sites/{site_id}"));
    }

    [Fact]
    public async Task ManyCalls_SandboxRateLimit_AllSucceedByWaitingOutEachThrottle()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.RateLimit = new SaltoKsRateLimit { PermitLimit = 2, Window = TimeSpan.FromSeconds(10) });
        run.Sandbox.Seed(b => b.Lock("l1", "Front door"));

        // Small clock steps, so the five calls fall in one 10 s window however slowly a loaded machine serves them
        // (1 s steps let the window pass while a call was in flight, and no throttle was served at all).
        List<SaltoLock> reads = await run.AdvanceUntilDoneAsync(ReadLocksFiveTimesAsync(run.Client), TimeSpan.FromMilliseconds(10), maxSteps: 20_000);

        Assert.Equal(5, reads.Count);
        Assert.True(run.Sandbox.Requests.GetCounters().ThrottlesServed >= 2);
        Assert.Equal(5, run.Served("GET", "/v1.1/sites/{site_id}/locks").Count(r => r.StatusCode == 200));

        static async Task<List<SaltoLock>> ReadLocksFiveTimesAsync(ISaltoKsClient client)
        {
            var locks = new List<SaltoLock>();
            for (int i = 0; i < 5; i++)
            {
                locks.Add(await client.GetLocksAsync(SiteId).SingleAsync());
            }

            return locks;
        }
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_5xxBurst_IsRetriedAsASafeSetOperation()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroupAndUsers(run.Sandbox, users: 2);
        run.Sandbox.Faults.Add(SandboxFaultRule.On("PATCH", MembersPattern, SandboxFault.HtmlError(503)).ForNextCalls(1));
        run.Sandbox.Faults.Add(SandboxFaultRule.On("PATCH", MembersPattern, SaltoKsFaults.InternalError()).ForNextCalls(1));

        AccessGroupMembersChangeResult result = await run.AdvanceUntilDoneAsync(run.Client.ChangeAccessGroupMembersAsync(
            SiteId, Group, new AccessGroupUsersChange { AddIds = [Platform(1), Platform(2)] }));

        Assert.True(result.Succeeded);
        Assert.Equal([Platform(1), Platform(2)], run.Sandbox.GetAccessGroupMembers(SiteId, Group));
        Assert.Equal([503, 500, 200], Statuses(run.Served("PATCH", MembersRoute)));
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_5xxOutlastingTheRetries_FailsThatChunkOnlyAndSaysWhich()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(client: o => (o.MembershipChunkSize, o.MaxRetryAttempts) = (1, 2));
        SeedGroupAndUsers(run.Sandbox, users: 2);
        run.Sandbox.Faults.Add(SandboxFaultRule.On("PATCH", MembersPattern, SaltoKsFaults.InternalError()).ForNextCalls(3));

        AccessGroupMembersChangeResult result = await run.AdvanceUntilDoneAsync(run.Client.ChangeAccessGroupMembersAsync(
            SiteId, Group, new AccessGroupUsersChange { AddIds = [Platform(1), Platform(2)] }));

        Assert.Equal([Platform(1)], result.FailedAddIds);
        Assert.Equal([Platform(2)], result.AddedIds);
        Assert.Equal("2201", Assert.IsAssignableFrom<SaltoKsApiException>(result.Chunks[0].Error).ErrorCode);
        Assert.Equal([Platform(2)], run.Sandbox.GetAccessGroupMembers(SiteId, Group));
        Assert.Equal([500, 500, 500, 200], Statuses(run.Served("PATCH", MembersRoute)));
    }

    [Fact]
    public async Task CreateSiteUserAsync_AnswerLostAfterTheUserWasCreated_FindsItByEmailAndCreatesNoDuplicate()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        run.Sandbox.Faults.Add(SandboxFaultRule.On("POST", "/v1.1/sites/*/users", SandboxFault.DropResponse()).ForNextCalls(1));

        SiteUserCreateResult result = await run.Client.CreateSiteUserAsync(SiteId, Sam);

        Assert.Equal(SiteUserCreateOutcome.FoundAfterUncertainCreate, result.Outcome);
        SiteUser stored = Assert.Single(run.Sandbox.GetSiteUsers(SiteId));
        Assert.Equal((stored.Id, stored.User!.Id), (result.User.Id, result.User.User!.Id));
        Assert.Single(run.Sandbox.GetInvitations());
        Assert.Single(run.Served("POST", CreateUserRoute));
    }

    [Fact]
    public async Task CreateSiteUserAsync_ConnectionDroppedBeforeTheCreate_ThrowsAndASecondCallCreatesExactlyOne()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        run.Sandbox.Faults.Add(SandboxFaultRule.On("POST", "/v1.1/sites/*/users", SandboxFault.DropConnection()).ForNextCalls(1));

        await Assert.ThrowsAsync<HttpRequestException>(() => run.Client.CreateSiteUserAsync(SiteId, Sam));
        Assert.Empty(run.Sandbox.GetSiteUsers(SiteId));
        SiteUserCreateResult second = await run.Client.CreateSiteUserAsync(SiteId, Sam);

        Assert.Equal(SiteUserCreateOutcome.Created, second.Outcome);
        Assert.Single(run.Sandbox.GetSiteUsers(SiteId));
        Assert.Single(run.Sandbox.GetInvitations());
    }

    [Fact]
    public async Task CreateSiteUserAsync_5xxOnTheCreate_IsNotResentBlindly()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        run.Sandbox.Faults.Add(SandboxFaultRule.On("POST", "/v1.1/sites/*/users", SaltoKsFaults.InternalError()).ForNextCalls(1));

        SaltoKsApiException error = await Assert.ThrowsAsync<SaltoKsApiException>(() => run.Client.CreateSiteUserAsync(SiteId, Sam));

        Assert.Equal(500, error.Status);
        Assert.Single(run.Served("POST", CreateUserRoute));
        Assert.Empty(run.Sandbox.GetSiteUsers(SiteId));
    }

    [Theory]
    [InlineData(SaltoKsConsistencyError.NotFound, 404)]
    [InlineData(SaltoKsConsistencyError.Forbidden, 403)]
    public async Task AddMember_RightAfterCreate_IsRetriedUntilSaltoCatchesUp(SaltoKsConsistencyError consistencyError, int status)
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => (o.PostCreateConsistencyWindow, o.PostCreateConsistencyError) = (TimeSpan.FromMinutes(1), consistencyError));
        run.Sandbox.Seed(b => b.AccessGroup(Group, "Members"));
        SiteUserCreateResult created = await run.Client.CreateSiteUserAsync(SiteId, Sam);

        await run.AdvanceUntilDoneAsync(run.Client.AddAccessGroupMemberAsync(SiteId, Group, created.User.User!.Id));

        Assert.Equal([created.User.User.Id], run.Sandbox.GetAccessGroupMembers(SiteId, Group));
        IReadOnlyList<SandboxRequest> calls = run.Served("POST", MembersRoute);
        Assert.True(calls.Count > 1);
        Assert.All(calls.SkipLast(1), r => Assert.Equal(status, r.StatusCode));
        Assert.Equal(200, calls[^1].StatusCode);
        Assert.True(calls[^1].Timestamp - Start >= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task BulkMembershipAndUserCalls_RightAfterCreate_AreRetriedUntilSaltoCatchesUp()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.PostCreateConsistencyWindow = TimeSpan.FromSeconds(40));
        SeedGroupAndUsers(run.Sandbox, users: 1);
        SiteUserCreateResult created = await run.Client.CreateSiteUserAsync(SiteId, Sam);

        AccessGroupMembersChangeResult result = await run.AdvanceUntilDoneAsync(run.Client.ChangeAccessGroupMembersAsync(
            SiteId, Group, new AccessGroupUsersChange { AddIds = [Platform(1), created.User.User!.Id] }));
        SiteUser read = await run.Client.GetSiteUserAsync(SiteId, created.User.Id);

        Assert.True(result.Succeeded);
        Assert.Equal([Platform(1), created.User.User.Id], run.Sandbox.GetAccessGroupMembers(SiteId, Group));
        Assert.Equal(created.User.Id, read.Id);
        Assert.Equal(404, run.Served("PATCH", MembersRoute)[0].StatusCode);
    }

    [Fact]
    public async Task AddMember_SaltoSlowerThanTheClientsWindow_SurfacesNotFound()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(
            sandbox: o => o.PostCreateConsistencyWindow = TimeSpan.FromMinutes(5),
            client: o => (o.PostCreateRetryWindow, o.PostCreateRetryDelay) = (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10)));
        run.Sandbox.Seed(b => b.AccessGroup(Group, "Members"));
        SiteUserCreateResult created = await run.Client.CreateSiteUserAsync(SiteId, Sam);

        SaltoKsNotFoundException error = await Assert.ThrowsAsync<SaltoKsNotFoundException>(
            () => run.AdvanceUntilDoneAsync(run.Client.AddAccessGroupMemberAsync(SiteId, Group, created.User.User!.Id)));

        Assert.Equal("2202", error.ErrorCode);
        Assert.InRange(run.Served("POST", MembersRoute).Count, 3, 5);
        Assert.Empty(run.Sandbox.GetAccessGroupMembers(SiteId, Group));
    }

    [Fact]
    public async Task AddMember_SiteUserIdOfAnOldUser_SurfacesNotFoundWithoutRetrying()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroupAndUsers(run.Sandbox, users: 1);
        SiteUser user = Assert.Single(run.Sandbox.GetSiteUsers(SiteId));

        SaltoKsNotFoundException error = await Assert.ThrowsAsync<SaltoKsNotFoundException>(
            () => run.Client.AddAccessGroupMemberAsync(SiteId, Group, new PlatformUserId(user.Id.Value)));

        Assert.Equal((404, "2202"), (error.Status, error.ErrorCode));
        Assert.Single(run.Served("POST", MembersRoute));
    }

    [Fact]
    public async Task WholeFlowWithFaults_LogsAndErrors_NeverCarrySecretsOrTokens()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => (o.ClientSecret, o.Password) = ("client-S3cr3t", "pass-S3cr3t"));
        SeedGroupAndUsers(run.Sandbox, users: 1);
        run.Sandbox.Faults.Add(SandboxFaultRule.On("POST", "/v1.1/sites/*/users", SandboxFault.DropResponse()).ForNextCalls(1));
        run.Sandbox.Faults.Add(SandboxFaultRule.On("PATCH", MembersPattern, SaltoKsFaults.InternalError()));
        var errors = new List<Exception>();

        SiteUserCreateResult created = await run.Client.CreateSiteUserAsync(SiteId, Sam);
        run.Sandbox.ExpireAllTokens();
        AccessGroupMembersChangeResult result = await run.AdvanceUntilDoneAsync(run.Client.ChangeAccessGroupMembersAsync(
            SiteId, Group, new AccessGroupUsersChange { AddIds = [created.User.User!.Id] }));
        errors.AddRange(result.Chunks.Select(c => c.Error).OfType<Exception>());
        errors.Add(await Assert.ThrowsAnyAsync<SaltoKsApiException>(() => run.Client.GetSiteAsync(SiteUid)));

        string accessToken = await run.Services.GetRequiredService<ISaltoKsTokenProvider>().GetAccessTokenAsync();
        string? refreshToken = await run.Services.GetRequiredService<ISaltoKsTokenStore>().GetRefreshTokenAsync();
        string[] secrets = ["client-S3cr3t", "pass-S3cr3t", accessToken, Assert.IsType<string>(refreshToken)];
        IReadOnlyList<FakeLogRecord> logs = run.Logs.GetSnapshot();
        Assert.Contains(logs, r => r.Id.Id == 4009); // the uncertain create
        Assert.Contains(logs, r => r.Id.Id == 4012); // the failed membership chunk
        Assert.Equal(2, errors.Count);
        IEnumerable<string> texts = logs.Select(r => r.Message + r.Exception).Concat(errors.Select(e => e.ToString()));
        Assert.All(texts, text => Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal)));
    }
}
