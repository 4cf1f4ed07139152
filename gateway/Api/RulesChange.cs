using System.Text.Json;

namespace Customer360.Gateway.Api;

/// <summary>One accepted change of the rule settings, as <c>GET /api/v1/rules/history</c> lists it.</summary>
/// <param name="Version">The version the change created.</param>
/// <param name="ChangedAt">When it was accepted.</param>
/// <param name="ChangedBy">The administrator who made it.</param>
/// <param name="Before">The settings in force before (as <c>GET /api/v1/rules</c> showed them).</param>
/// <param name="After">The settings the change put in force.</param>
public sealed record RulesChange(long Version, DateTimeOffset ChangedAt, string ChangedBy, JsonElement Before, JsonElement After);
