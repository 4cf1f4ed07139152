namespace Customer360.Domain.Profile;

/// <summary>
/// The profile's short histories are kept in time order, whatever order events arrive in, and trimmed from
/// the oldest end: so a late record lands where it belongs and replaying in another order gives the same list.
/// </summary>
internal static class BoundedList
{
    public static void InsertInOrder<T>(List<T> list, T item, Func<T, DateTimeOffset> at, int max)
    {
        var when = at(item);
        var index = list.Count;
        // Equal times keep arrival order, so replaying the journal gives the same list.
        while (index > 0 && at(list[index - 1]) > when) index--;
        list.Insert(index, item);
        if (list.Count > max) list.RemoveRange(0, list.Count - max);
    }
}
