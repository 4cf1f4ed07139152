namespace Customer360.Gateway.Api;

/// <summary>The body of <c>POST /api/v1/stores/{storeId}/walk-ins</c>: the phone number the customer gave at the counter.</summary>
public sealed record WalkInRequest(string? Msisdn);
