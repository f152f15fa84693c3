namespace Protocol.Profiles.Tests;

/// <summary>Finds files of this repository from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "Protocol.sln"))) return dir;
        throw new InvalidOperationException("Cannot find the repository root (Protocol.sln) above " + AppContext.BaseDirectory);
    }

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);
}
