using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360.Contracts.Hosting.Management;

/// <summary>
/// More routes on a management listener (<see cref="ManagementServer"/>; the metrics scrape, for one): register an
/// implementation in the host's services. The listener is a small web application of its own, so whatever its routes
/// need from the host they take from <c>host</c> in <see cref="AddServices"/> or capture when mapping.
/// </summary>
public interface IManagementEndpoints
{
    /// <summary>Adds services the routes need to the listener's own container; <paramref name="host"/> is the host's.</summary>
    void AddServices(IServiceCollection services, IServiceProvider host) { }

    /// <summary>Maps the routes. They are anonymous: the listener's protection is where it binds.</summary>
    void Map(IEndpointRouteBuilder endpoints);
}
