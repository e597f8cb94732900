using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.SaltoKs;
using Polly.Timeout;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>
/// The create's e-mail look-ups on their own, against a fake POST and a fake look-up: never a second user for one
/// e-mail, never a stranger adopted, and the create's own failure reported when nothing is found.
/// </summary>
public sealed class SaltoKsSiteUserCreationTests
{
    private const string Email = "ada@example.com";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly SaltoKsPostCreateRetry _postCreate;
    private readonly SaltoKsSiteUserCreation _creation;
    private readonly Queue<IReadOnlyList<SiteUser>> _lookups = new();
    private int _posts;
    private int _lookupCalls;

    public SaltoKsSiteUserCreationTests()
    {
        _postCreate = new SaltoKsPostCreateRetry(new SaltoKsUserCreationLog(), new SaltoKsClientOptions(), _time, NullLogger.Instance);
        _creation = new SaltoKsSiteUserCreation(_postCreate, NullLogger.Instance);
    }

    private static SiteUser User(string id, string? email = Email) =>
        new() { Id = new SiteUserId("su-" + id), User = new SaltoUser { Id = new PlatformUserId("pu-" + id), Email = email } };

    private static SaltoKsApiException Error(int status, string? code, string? serviceMessage = null) =>
        new($"SALTO KS answered {status}.", status, code, serviceMessage, bodyExcerpt: null);

    private Task<SiteUserCreateResult> CreateAsync(
        Func<SiteUser> post, string? email = Email, SiteUserCreateLookup lookup = SiteUserCreateLookup.BeforeAndAfterUncertainCreate) =>
        _creation.CreateAsync(
            "s1",
            new SiteUserCreateRequest { FirstName = "Ada", Email = email },
            lookup,
            _ =>
            {
                _posts++;
                return Task.FromResult(post());
            },
            (wanted, _) =>
            {
                _lookupCalls++;
                Assert.Equal(Email, wanted);
                return Task.FromResult(_lookups.TryDequeue(out IReadOnlyList<SiteUser>? found) ? found : []);
            },
            CancellationToken.None);

    [Fact]
    public async Task CreateAsync_EmailAlreadyHeld_AdoptsTheHolderWithoutPosting()
    {
        _lookups.Enqueue([User("1")]);

        SiteUserCreateResult result = await CreateAsync(() => User("new"));

        Assert.Equal((SiteUserCreateOutcome.AlreadyExisted, "su-1", 0), (result.Outcome, result.User.Id.Value, _posts));
    }

    [Fact]
    public async Task CreateAsync_LookUpReturnsAnotherEmail_StillCreates()
    {
        _lookups.Enqueue([User("1", "someone.else@example.com")]);

        SiteUserCreateResult result = await CreateAsync(() => User("new"));

        Assert.Equal((SiteUserCreateOutcome.Created, "su-new", 1), (result.Outcome, result.User.Id.Value, _posts));
    }

    [Fact]
    public async Task CreateAsync_Created_RecordsItForThePostCreateWindow()
    {
        await CreateAsync(() => User("new"));

        Assert.Equal(_time.GetUtcNow(), _postCreate.CreatedAt(new PlatformUserId("pu-new")));
    }

    [Fact]
    public async Task CreateAsync_OnlyAfterUncertainCreate_PostsWithoutLookingUpFirst()
    {
        SiteUserCreateResult result = await CreateAsync(() => User("new"), lookup: SiteUserCreateLookup.OnlyAfterUncertainCreate);

        Assert.Equal((SiteUserCreateOutcome.Created, 1, 0), (result.Outcome, _posts, _lookupCalls));
    }

    [Fact]
    public async Task CreateAsync_EmailInUseRefusal_AdoptsTheHolder()
    {
        _lookups.Enqueue([]);
        _lookups.Enqueue([User("1")]);

        SiteUserCreateResult result = await CreateAsync(
            () => throw Error(400, SaltoKsErrorMapper.InvalidParameterCode, "The email ada@example.com is already in use."));

        Assert.Equal((SiteUserCreateOutcome.AlreadyExisted, "su-1", 2), (result.Outcome, result.User.Id.Value, _lookupCalls));
    }

    [Fact]
    public async Task CreateAsync_EmailInUseButNobodyFound_RethrowsTheRefusal()
    {
        var error = await Assert.ThrowsAsync<SaltoKsApiException>(() => CreateAsync(
            () => throw Error(400, SaltoKsErrorMapper.InvalidParameterCode, "Email already exists.")));

        Assert.Equal((400, 2), (error.Status, _lookupCalls));
    }

    [Fact]
    public async Task CreateAsync_OtherClientError_IsNotLookedUpAgain()
    {
        await Assert.ThrowsAsync<SaltoKsApiException>(() => CreateAsync(
            () => throw Error(400, SaltoKsErrorMapper.InvalidParameterCode, "first_name is too long.")));

        Assert.Equal(1, _lookupCalls);
    }

    [Fact]
    public async Task CreateAsync_NoAnswer_FindsTheUserInsteadOfPostingAgain()
    {
        _lookups.Enqueue([]);
        _lookups.Enqueue([User("1")]);

        SiteUserCreateResult result = await CreateAsync(() => throw new HttpRequestException("connection reset"));

        Assert.Equal((SiteUserCreateOutcome.FoundAfterUncertainCreate, "su-1", 1), (result.Outcome, result.User.Id.Value, _posts));
        Assert.Equal(_time.GetUtcNow(), _postCreate.CreatedAt(new SiteUserId("su-1")));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(201)]
    public async Task CreateAsync_AnswerThatDoesNotSay_FindsTheUser(int status)
    {
        _lookups.Enqueue([]);
        _lookups.Enqueue([User("1")]);

        SiteUserCreateResult result = await CreateAsync(() => throw Error(status, null));

        Assert.Equal(SiteUserCreateOutcome.FoundAfterUncertainCreate, result.Outcome);
    }

    [Fact]
    public async Task CreateAsync_UncertainAndNobodyFound_RethrowsTheCreatesFailure()
    {
        var error = await Assert.ThrowsAsync<TimeoutRejectedException>(() => CreateAsync(() => throw new TimeoutRejectedException("timed out")));

        Assert.Equal(("timed out", 2, 1), (error.Message, _lookupCalls, _posts));
    }

    [Fact]
    public async Task CreateAsync_LookUpAfterUncertainCreateFails_RethrowsTheCreatesFailure()
    {
        int lookups = 0;

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _creation.CreateAsync(
            "s1",
            new SiteUserCreateRequest { Email = Email },
            SiteUserCreateLookup.BeforeAndAfterUncertainCreate,
            _ => throw new HttpRequestException("create failed"),
            (_, _) => ++lookups == 1 ? Task.FromResult<IReadOnlyList<SiteUser>>([]) : throw Error(503, null),
            CancellationToken.None));

        Assert.Equal(("create failed", 2), (error.Message, lookups));
    }

    [Fact]
    public async Task CreateAsync_NoEmail_NeverLooksUp()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => CreateAsync(() => throw new HttpRequestException("reset"), email: " "));

        Assert.Equal(0, _lookupCalls);
    }

    [Fact]
    public async Task CreateAsync_SeveralUsersHoldTheEmail_AdoptsTheFirst()
    {
        _lookups.Enqueue([User("1"), User("2")]);

        SiteUserCreateResult result = await CreateAsync(() => User("new"));

        Assert.Equal("su-1", result.User.Id.Value);
    }

    [Fact]
    public async Task IsUncertain_CallersOwnCancellation_IsNotUncertain()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        Assert.Equal(
            (false, true),
            (SaltoKsSiteUserCreation.IsUncertain(new OperationCanceledException(cancel.Token), cancel.Token),
             SaltoKsSiteUserCreation.IsUncertain(new OperationCanceledException(), CancellationToken.None)));
    }
}
