using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360.Grains.Hosting.Management;

/// <summary>
/// More routes on the silo's management listener (a metrics scrape, for one): register an implementation in the
/// silo's services. The listener is a small web application of its own, so whatever its routes need from the silo
/// they take from <c>silo</c> in <see cref="AddServices"/> or capture when mapping.
/// </summary>
public interface IManagementEndpoints
{
    /// <summary>Adds services the routes need to the listener's own container; <paramref name="silo"/> is the silo's.</summary>
    void AddServices(IServiceCollection services, IServiceProvider silo) { }

    /// <summary>Maps the routes. They are anonymous: the listener's protection is where it binds.</summary>
    void Map(IEndpointRouteBuilder endpoints);
}
