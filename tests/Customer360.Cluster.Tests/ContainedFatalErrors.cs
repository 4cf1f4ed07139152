namespace Customer360.Cluster.Tests;

/// <summary>
/// For an in-process silo that is meant to fail: ignores what Orleans deems fatal instead of ending the process.
/// A silo refused at join is then declared dead in the membership table, and Orleans' own handler answers that
/// with Environment.FailFast, which would take the whole test run down with it. The test checks the outcome
/// (the start failed, the cluster is unchanged) on its own.
/// </summary>
public sealed class ContainedFatalErrors : IFatalErrorHandler
{
    public bool IsUnexpected(Exception exception) => true;

    public void OnFatalException(object? sender, string? context, Exception? exception)
    {
        // Deliberately nothing: the silo's host is being stopped and disposed by the test.
    }
}
