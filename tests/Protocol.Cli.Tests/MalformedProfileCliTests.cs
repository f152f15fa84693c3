using System.Diagnostics;
using Protocol.Profiles.Tests.Validation;

namespace Protocol.Cli.Tests;

/// <summary>
/// <c>protocol validate</c> on each broken profile of <see cref="MalformedProfiles"/>: exit code 1, the
/// exact <c>file:line:column: error CODE</c>, and never a stack trace.
/// </summary>
[Collection("cli")]
public class MalformedProfileCliTests
{
    public static TheoryData<string> Names() => new(MalformedProfiles.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Validate_ExitsOne_WithTheExactPosition_AndNoStackTrace(string name)
    {
        var c = MalformedProfiles.Get(name);
        var path = Path.Combine(Path.GetTempPath(), $"protocol-cli-malformed-{name}-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, c.Content());
        try
        {
            var clock = Stopwatch.StartNew();
            var r = CliRunner.Run("validate", path);
            clock.Stop();
            var output = r.Out + r.Error;
            r.ExitCode.Should().Be(1, output);
            r.Error.Should().Contain($"{path}:{c.Line}:{c.Column}: error {c.Code}: ");
            r.Error.Should().Contain(c.Message);
            output.Should().NotContain("   at ").And.NotContain("Exception");
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "a broken file is reported quickly, whatever its size or shape");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
