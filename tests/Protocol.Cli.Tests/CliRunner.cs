namespace Protocol.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Out, string Error);

internal static class CliRunner
{
    public static string Root { get; } = FindRoot();

    public static CliResult Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Root);
        try
        {
            var exit = CliApp.Run(args, stdout, stderr);
            return new CliResult(exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    public static string TempFile(string content, string extension = ".yaml")
    {
        var path = Path.Combine(Path.GetTempPath(), "protocol-cli-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, content);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "Protocol.sln"))) return dir;
        throw new InvalidOperationException("repository root not found");
    }
}

/// <summary>Tests that change the current directory must not run in parallel.</summary>
[CollectionDefinition("cli", DisableParallelization = true)]
public sealed class CliCollection;
