namespace Customer360.Testing;

/// <summary>Waits for a condition with a deadline, never a bare sleep: fails with what was last seen.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        while (true)
        {
            last = await probe();
            if (done(last)) return last;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what}: not within {timeout.TotalSeconds:0.#} s; last seen {last}");
            await Task.Delay(50);
        }
    }
}
