namespace Customer360.Domain.Profile;

/// <summary>Kind of a touchpoint. Wire names are kebab-case: <c>walk-in</c>, <c>port-out-inquiry</c>….</summary>
public enum TouchpointKind
{
    Visit, WalkIn, Call, Complaint, ComplaintResolved, CampaignOffered, CampaignAccepted, PortOutInquiry, Survey, Note,
}
