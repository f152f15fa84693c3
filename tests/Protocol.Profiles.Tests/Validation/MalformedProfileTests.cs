using System.Diagnostics;
using System.Text;
using Protocol.Profiles.Testing;

namespace Protocol.Profiles.Tests.Validation;

/// <summary>
/// Broken profiles (<see cref="MalformedProfiles"/>): each gives its exact diagnostic through
/// <see cref="ProfileLoader.Load"/>, <see cref="ProfileLoader.LoadFile"/> and
/// <see cref="ProfileLoader.LoadOrThrow"/>, throws nothing but <see cref="ProfileValidationException"/>,
/// and loads within loose time and memory bounds (guard rails against runaway parsing, not benchmarks).
/// </summary>
public class MalformedProfileTests
{
    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(2);
    private const long MaxAllocatedBytes = 200L * 1024 * 1024;

    public static TheoryData<string> Names() => new(MalformedProfiles.All.Select(c => c.Name));

    /// <summary>The text a file of these bytes reads as (invalid UTF-8 becomes U+FFFD).</summary>
    private static string Text(MalformedCase c) => new UTF8Encoding(false).GetString(c.Content());

    private static bool Matches(ProfileDiagnostic d, MalformedCase c, string file) =>
        d.File == file && d.Code == c.Code && d.Line == c.Line && d.Column == c.Column
        && d.Message.Contains(c.Message, StringComparison.Ordinal)
        && (c.Hint is null || (d.Hint ?? "").Contains(c.Hint, StringComparison.Ordinal));

    private static string Expected(MalformedCase c, string file) =>
        $"{file}:{c.Line}:{c.Column}: error {c.Code}: …{c.Message}…{(c.Hint is null ? "" : $" (hint: …{c.Hint}…)")}";

    private static string Actual(IEnumerable<ProfileDiagnostic> diagnostics) =>
        "the diagnostics were:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics.Take(10).Select(d => "  " + d));

    private static T Measured<T>(Func<T> load, string what)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = FluentActions.Invoking(load).Should().NotThrow($"{what} reports problems as diagnostics").Subject;
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        clock.Elapsed.Should().BeLessThan(MaxTime, $"{what} must not run away");
        allocated.Should().BeLessThan(MaxAllocatedBytes, $"{what} must not run away");
        return result;
    }

    [Fact]
    public void TheTable_HasAtLeastFortyCases_InEveryRequiredCategory()
    {
        MalformedProfiles.All.Should().HaveCountGreaterThanOrEqualTo(40);
        MalformedProfiles.All.Select(c => c.Name).Should().OnlyHaveUniqueItems();
        MalformedProfiles.All.Select(c => c.Category).Distinct().Should().Contain(
        [
            "yaml-syntax", "tabs", "duplicate-key", "unknown-key", "wrong-type", "bad-duration", "unknown-reference",
            "duplicate-id", "conflict", "missing-field", "document", "limits", "aliases",
        ]);
    }

    [Fact]
    public void TheBaseProfile_IsValid()
    {
        var result = ProfileLoader.Load(MalformedProfiles.Base, "base.yaml");
        result.Diagnostics.Should().BeEmpty();
        result.Profile!.Obligations.Should().ContainSingle();
        result.Profile.Ladders.Should().ContainSingle().Which.Rungs.Should().HaveCount(2);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Load_ReportsTheExactDiagnostic(string name)
    {
        var c = MalformedProfiles.Get(name);
        var text = Text(c);
        var result = Measured(() => ProfileLoader.Load(text, "broken.yaml"), "Load");
        if (c.TextDiffers) return; // no string has these bytes: checked through the file
        result.IsValid.Should().BeFalse();
        result.Profile.Should().BeNull();
        result.Diagnostics.Should().Contain(d => Matches(d, c, "broken.yaml"), $"expected {Expected(c, "broken.yaml")}; {Actual(result.Diagnostics)}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void LoadFile_ReportsTheExactDiagnostic(string name)
    {
        var c = MalformedProfiles.Get(name);
        var path = Path.Combine(Path.GetTempPath(), $"protocol-malformed-{name}-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, c.Content());
        try
        {
            var result = Measured(() => ProfileLoader.LoadFile(path), "LoadFile");
            result.IsValid.Should().BeFalse();
            result.Profile.Should().BeNull();
            result.Diagnostics.Should().Contain(d => Matches(d, c, path), $"expected {Expected(c, path)}; {Actual(result.Diagnostics)}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void LoadOrThrow_ThrowsOnlyTheValidationException_CarryingEveryDiagnostic(string name)
    {
        var c = MalformedProfiles.Get(name);
        if (c.TextDiffers) return; // no string has these bytes: checked through the file
        var text = Text(c);
        var expected = ProfileLoader.Load(text, "broken.yaml").Diagnostics;
        var thrown = FluentActions.Invoking(() => ProfileLoader.LoadOrThrow(text, "broken.yaml"))
            .Should().ThrowExactly<ProfileValidationException>().Which;
        thrown.Diagnostics.Should().Equal(expected);
        thrown.Diagnostics.Should().Contain(d => Matches(d, c, "broken.yaml"));
        thrown.Message.Should().Contain($"broken.yaml:{c.Line}:{c.Column}: error {c.Code}");
    }

    [Fact]
    public void ATenMegabyteFile_IsRejectedBySize_WithoutBeingRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"protocol-malformed-10mb-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, MalformedProfiles.Get("ten-megabytes").Content());
        try
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var profile = ProfileLoader.LoadFile(path);
            var cases = TestCaseLoader.LoadFile(path);
            (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1024 * 1024, "the size is judged before the file is read");
            profile.Diagnostics.Should().ContainSingle().Which.Should().Match<ProfileDiagnostic>(d => d.Code == ErrorCodes.TooLarge && d.Line == 1 && d.Column == 1 && d.File == path);
            cases.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.TooLarge);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EveryLineOfTheBase_DeletedOrCutInHalf_GivesDiagnostics_NeverAnException()
    {
        var lines = MalformedProfiles.Base.Split('\n');
        for (var i = 1; i <= lines.Length; i++)
        {
            foreach (var yaml in new[] { MalformedProfiles.Lines((i, null)), MalformedProfiles.Lines((i, lines[i - 1][..(lines[i - 1].Length / 2)])) })
            {
                var result = Measured(() => ProfileLoader.Load(yaml, "cut.yaml"), $"Load with line {i} cut");
                if (!result.IsValid) result.Diagnostics.Should().OnlyContain(d => d.Line >= 1 && d.Column >= 1 && d.Code.StartsWith("PRF"));
            }
        }
    }

    [Fact]
    public void ASettingWhoseValueIsAnotherSetting_IsFollowed()
    {
        var yaml = MalformedProfiles.Lines((8, "    value: $other"), (10, "    citation: §0\n  other:\n    value: returned\n    reading: The other reading.\n    citation: §0"));
        var result = ProfileLoader.Load(yaml, "chain.yaml");
        result.Diagnostics.Should().BeEmpty();
        result.Profile!.Obligations.Single().Trigger.Describe().Should().Be("on returned");
    }
}
