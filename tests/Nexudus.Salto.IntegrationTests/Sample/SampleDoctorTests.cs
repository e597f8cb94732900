using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary><c>doctor</c> against the demo space in both sandboxes, healthy and with one thing broken at a time.</summary>
public sealed class SampleDoctorTests : IAsyncLifetime
{
    private DemoSandboxes _sandboxes = null!;

    public async Task InitializeAsync() => _sandboxes = await DemoSandboxes.StartAsync();

    public async Task DisposeAsync() => await _sandboxes.DisposeAsync();

    [Fact]
    public async Task Doctor_HealthyDeployment_ExitsZeroAndFindsNoProblem()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("doctor"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No problems found.", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task Doctor_HealthyDeployment_ShowsSeatsSchedulesAndTagCapability()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("doctor"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 used of 1000", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("every linked group has a time schedule", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("no tag endpoint (404)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_LinkedGroupWithoutSchedule_WarnsAndExitsZero()
    {
        const string group = "6a000000-0000-4000-8000-0000000000ff";
        _sandboxes.Salto.Seed(b => b.UseSite(DemoSpace.LondonSite).AccessGroup(group, "No schedule").GroupLock(group, DemoSpace.LondonMeetingRoomDoor));
        var room = _sandboxes.Space.Seed.Resource("Thames Meeting Room").Id;

        var run = await SampleRun.StartAsync(_sandboxes.ArgsWith("doctor", $"SaltoIntegration:Locations:0:ResourceGroups:{room}:1", group));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("has no time schedule", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("CreateMissingGroupSchedules", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_EverySeatUsed_WarnsThatNewUsersWouldBeSuspended()
    {
        _sandboxes.Salto.Seed(b => b.UseSite(DemoSpace.LondonSite).Subscription(1));

        var run = await SampleRun.StartAsync(_sandboxes.Args("doctor"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 used of 1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("suspended", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_AccessCardIdSaltoDoesNotShow_CountsItWithoutPrintingTheNumber()
    {
        var margaret = _sandboxes.Space.Seed.Customer("margaret@example.com");
        _sandboxes.Nexudus.Put(margaret with { AccessCardId = "02305075" });

        var run = await SampleRun.StartAsync(_sandboxes.Args("doctor"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 number(s) missing on SALTO", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("02305075", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_LinkToAPassThatDoesNotExist_ExitsOneAndNamesTheKeyToFix()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("doctor", $"--SaltoIntegration:Locations:0:TimePassGroups:999:0={DemoSpace.LondonMembers}"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SaltoIntegration:Locations:0:TimePassGroups:999", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 problem(s) found", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_PassLinkedAtTheWrongLocation_ExitsOne()
    {
        var newYorkPass = _sandboxes.Space.Seed.Pass("New York Day Pass").Id;

        var run = await SampleRun.StartAsync(_sandboxes.Args("doctor", $"--SaltoIntegration:Locations:0:TimePassGroups:{newYorkPass}:0={DemoSpace.LondonMembers}"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"SaltoIntegration:Locations:0:TimePassGroups:{newYorkPass}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_LinkToAGroupSaltoDoesNotHave_ExitsOneAndNamesTheGroup()
    {
        var dayPass = _sandboxes.Space.Seed.Pass("London Day Pass").Id;
        var key = $"SaltoIntegration:Locations:0:TimePassGroups:{dayPass}:0";

        var run = await SampleRun.StartAsync(_sandboxes.ArgsWith("doctor", key, "00000000-dead-4000-8000-000000000000"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Access group 00000000-dead-4000-8000-000000000000 does not exist", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_GroupLinkedInNexudusThatSaltoDoesNotHave_ExitsOne()
    {
        var boardroom = _sandboxes.Space.Seed.Resource("Hudson Boardroom");
        _sandboxes.Nexudus.Put(boardroom with { AccessControlGroupId = "00000000-beef-4000-8000-000000000000" });

        var run = await SampleRun.StartAsync(_sandboxes.Args("doctor"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Nexudus resource {boardroom.Id} (AccessControlGroupId)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_ReaderLockThatDoesNotExist_ExitsOneAndNamesTheReader()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("doctor", "--SaltoIntegration:Locations:1:Readers:no-such-lock=CheckIn"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SaltoIntegration:Locations:1:Readers:no-such-lock", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_UnknownLocation_ExitsOneAndNamesTheBusinessIdKey()
    {
        var run = await SampleRun.StartAsync(_sandboxes.ArgsWith("doctor", "SaltoIntegration:Locations:1:NexudusBusinessId", "42"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SaltoIntegration:Locations:1:NexudusBusinessId", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_StateFolderThatDoesNotExist_ExitsOneAndNamesStatePath()
    {
        var missing = Path.Combine(_sandboxes.StateDirectory, "no-such-folder", "state.db");

        var run = await SampleRun.StartAsync(_sandboxes.ArgsWith("doctor", "SaltoIntegration:StatePath", missing));

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"The state store's folder .*no-such-folder does not exist.*│ SaltoIntegration:StatePath", run.Stdout);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public async Task Doctor_StateFileThatIsNotTheSyncState_ExitsOneNamesThePathAndLeavesTheFile()
    {
        Directory.CreateDirectory(_sandboxes.StateDirectory);
        var corrupt = Path.Combine(_sandboxes.StateDirectory, "truncated.db");
        await File.WriteAllBytesAsync(corrupt, []);

        var run = await SampleRun.StartAsync(_sandboxes.ArgsWith("doctor", "SaltoIntegration:StatePath", corrupt));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("truncated.db", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("unusable", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("│ present", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(await File.ReadAllBytesAsync(corrupt));
    }

    [Fact]
    public async Task Doctor_WrongNexudusPassword_ReportsTheRefusedLoginWithoutThePassword()
    {
        var run = await SampleRun.StartAsync(_sandboxes.ArgsWith("doctor", "Nexudus:Password", "wrong-password-3141"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Nexudus refused the username or password.", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-3141", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WrongSaltoClientSecret_ReportsTheRefusedLoginWithoutTheSecret()
    {
        var run = await SampleRun.StartAsync(_sandboxes.ArgsWith("doctor", "SaltoKs:ClientSecret", "wrong-secret-2718"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SALTO KS refused the client or user credentials.", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-2718", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("big")]
    public async Task Doctor_HugeOrEndlessSettingsFile_FailsNamingTheLimit(string which)
    {
        var file = which;
        if (which == "big")
        {
            // Valid-looking JSON that goes on for 2 MiB: the size alone is the error.
            file = Path.Combine(_sandboxes.StateDirectory, "big.json");
            await File.WriteAllTextAsync(file, "{\"Padding\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
        }

        var run = await SampleRun.StartAsync("doctor", "--settings", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"The settings file {file} is larger than 1024 KiB", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_SettingsFile_ReadsTheDeploymentFromIt()
    {
        var file = Path.Combine(_sandboxes.StateDirectory, "deployment.json");
        await File.WriteAllTextAsync(file, SettingsJson(_sandboxes.Space.Settings));

        var run = await SampleRun.StartAsync("doctor", "--settings", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No problems found.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_BadConfiguration_ListsEveryBadKeyByItsFullPath()
    {
        var run = await SampleRun.StartAsync(
            "doctor",
            "--Nexudus:BaseUrl=http://nexudus.example",
            "--SaltoIntegration:Locations:0:NexudusBusinessId=0",
            "--SaltoIntegration:Locations:0:BookingAccessBefore=-00:05:00");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Nexudus:BaseUrl", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Nexudus:Username", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("SaltoKs:Username", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("SaltoIntegration:Locations:0:NexudusBusinessId", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("SaltoIntegration:Locations:0:SaltoSiteId", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("SaltoIntegration:Locations:0:BookingAccessBefore", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_ValueThatCannotBeRead_NamesTheKeyWithoutRepeatingTheValue()
    {
        var run = await SampleRun.StartAsync(_sandboxes.ArgsWith("doctor", "SaltoIntegration:Locations:1:NexudusBusinessId", "not-a-number-4242"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SaltoIntegration:Locations:1:NexudusBusinessId cannot be read as Int64.", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-number-4242", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    private static string SettingsJson(IReadOnlyDictionary<string, string?> settings)
    {
        // Flat keys to nested JSON objects, as an operator's file would hold them.
        var root = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in settings)
        {
            var node = root;
            var parts = key.Split(':');
            foreach (var part in parts[..^1])
            {
                node = (System.Text.Json.Nodes.JsonObject)(node[part] ??= new System.Text.Json.Nodes.JsonObject());
            }

            node[parts[^1]] = value;
        }

        return root.ToJsonString();
    }
}
