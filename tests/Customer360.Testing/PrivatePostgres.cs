using System.Diagnostics;
using Npgsql;

namespace Customer360.Testing;

/// <summary>
/// A PostgreSQL server of one test's own, for tests that stop the database under a running system: the shared
/// test server (<c>C360_TEST_PG</c>) must never be stopped. A fresh data folder under the temp folder, a free
/// port on 127.0.0.1 only, password authentication, TCP only. As root, every PostgreSQL program runs as user
/// <c>postgres</c> (the server refuses root), the way <c>scripts/lib.sh</c> runs the test server. Its log is
/// copied to <c>artifacts/postgres-logs/</c> when the test ends.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _name;
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgres;

    public int Port { get; }

    /// <summary>Superuser connection to database <c>postgres</c>; pass it to <see cref="TestDatabase.CreateAsync(string)"/>.</summary>
    public string ServerConnectionString { get; }

    public bool IsRunning { get; private set; }

    private string DataFolder => Path.Combine(_root, "data");

    private string LogPath => Path.Combine(_root, "postgres.log");

    private PrivatePostgres(string name, string bin, string root, bool asPostgres, int port, string password)
    {
        _name = name;
        _bin = bin;
        _root = root;
        _asPostgres = asPostgres;
        Port = port;
        ServerConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Password = password, Database = "postgres",
        }.ConnectionString;
    }

    /// <summary>Creates the data folder (initdb) and starts the server.</summary>
    public static async Task<PrivatePostgres> CreateAsync(string name)
    {
        var asPostgres = Environment.UserName == "root";
        var root = Path.Combine(Path.GetTempPath(), $"c360-pg-{name}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(root);
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var server = new PrivatePostgres(name, FindBinaries(), root, asPostgres, FreePort.Next(), password);
        try
        {
            await server.InitAsync(password);
            await server.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Starts the server on its data folder and port (again, after <see cref="StopAsync"/>).</summary>
    public async Task StartAsync()
    {
        await RunAsync("pg_ctl", "-D", DataFolder, "-l", LogPath, "-w", "-t", "60", "start");
        IsRunning = true;
    }

    /// <summary>
    /// Stops the server the hard way (<c>pg_ctl stop -m immediate</c>): every backend quits at once, open
    /// transactions are lost, and the next start runs crash recovery.
    /// </summary>
    public async Task StopAsync()
    {
        await RunAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "-t", "60", "stop");
        IsRunning = false;
    }

    /// <summary>The last lines of the server's log, for failure messages.</summary>
    public string LogTail(int lines = 20) =>
        File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(lines)) : "(no server log)";

    private async Task InitAsync(string password)
    {
        // The password reaches initdb through a file only the server's user can read, never a command line.
        var passwordFile = Path.Combine(_root, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        if (_asPostgres) await RunAsync("chown", ["-R", "postgres:postgres", _root], asServerUser: false);

        await RunAsync("initdb", "-D", DataFolder, "--username=postgres", $"--pwfile={passwordFile}",
            "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        File.Delete(passwordFile);

        // Appended last, so these win over initdb's defaults. TCP on loopback only: no socket folder to manage.
        await File.AppendAllTextAsync(Path.Combine(DataFolder, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = ''
            max_connections = 200
            dynamic_shared_memory_type = {SharedMemoryType()}
            fsync = on
            synchronous_commit = on
            log_line_prefix = '%m [%p] %q%u@%d '

            """);
    }

    private Task RunAsync(string program, params string[] args) => RunAsync(program, args, asServerUser: true);

    private async Task RunAsync(string program, string[] args, bool asServerUser)
    {
        var executable = asServerUser ? Path.Combine(_bin, program) : program;
        var start = new ProcessStartInfo
        {
            // From / : the server's user may not be able to enter the test's working folder.
            WorkingDirectory = "/",
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asServerUser && _asPostgres)
        {
            start.FileName = File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", executable]) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = executable;
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment["LANG"] = "C.UTF-8";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"PostgreSQL {_name}: {program} {string.Join(' ', args)} failed with exit code {process.ExitCode}:\n" +
                $"{await output}{await errors}\nserver log:\n{LogTail()}");
    }

    // Parallel queries use /dev/shm, which containers often cap at 64 MB; files in the data folder always work.
    private static string SharedMemoryType()
    {
        try
        {
            return new DriveInfo("/dev/shm").AvailableFreeSpace >= 512L * 1024 * 1024 ? "posix" : "mmap";
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return "mmap";
        }
    }

    /// <summary>PostgreSQL 15 as the project targets; otherwise the newest installed major version.</summary>
    private static string FindBinaries()
    {
        const string preferred = "/usr/lib/postgresql/15/bin";
        if (File.Exists(Path.Combine(preferred, "pg_ctl"))) return preferred;
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "pg_ctl")) && File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin; ./test.sh installs them.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (IsRunning) await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Best effort: the folder goes anyway, and its log says why the server would not stop.
        }
        try
        {
            if (File.Exists(LogPath))
            {
                var folder = Path.Combine(RepoRoot.Path, "artifacts", "postgres-logs");
                Directory.CreateDirectory(folder);
                File.Copy(LogPath, Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{_name}.log"), overwrite: true);
            }
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover folder under the temp folder is harmless; a failed test's message matters more.
        }
    }
}
