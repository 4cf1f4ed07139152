using System.Text.Json;
using Customer360.Contracts;

namespace Customer360.Cluster.Tests;

/// <summary>Profiles as a console would be given them, for comparing a cluster's before and after.</summary>
internal static class ProfileViews
{
    /// <summary>Every profile of <paramref name="customerIds"/> in JSON: version, facts and derived values.</summary>
    public static async Task<Dictionary<string, string>> OfAsync(IGrainFactory grains, IEnumerable<string> customerIds, TimeSpan wait)
    {
        var profiles = new Dictionary<string, string>();
        foreach (var id in customerIds)
        {
            var view = await grains.GetGrain<ICustomerGrain>(id).GetView("en").WaitAsync(wait);
            Assert.True(view is not null, $"{id} has no profile");
            profiles[id] = JsonSerializer.Serialize(view);
        }
        return profiles;
    }
}
