namespace Customer360.Testing;

/// <summary>The checkout's root folder (the one holding Customer360.sln), found from the test binaries.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Customer360.sln"))) return dir.FullName;
        throw new InvalidOperationException("Customer360.sln not found above " + AppContext.BaseDirectory);
    }
}
