using Customer360.Domain.Events;

namespace Customer360.Domain.Profile;

/// <summary>The touchpoint part of <see cref="ProfileApplier"/>: contacts, complaints, port-out inquiries, campaigns.</summary>
internal static class TouchpointFacts
{
    public const int MaxTouchpoints = 50;

    public static void Record(CustomerProfile p, CustomerEvent e, TouchpointRecorded t)
    {
        var touchpoint = new Touchpoint(e.EventId, e.OccurredAt, t.Channel, t.Kind, t.StoreId, t.StaffId, t.Stage, t.Category,
            t.Score, t.Reference, t.Note);
        BoundedList.InsertInOrder(p.Touchpoints, touchpoint, x => x.At, MaxTouchpoints);

        switch (t.Kind)
        {
            case TouchpointKind.Complaint:
                Open(p, t.Reference ?? e.EventId, e.OccurredAt);
                break;
            case TouchpointKind.ComplaintResolved:
                Close(p, t.Reference);
                break;
            case TouchpointKind.PortOutInquiry:
                // The latest inquiry is what the 30-day signal looks at; a late, older one must not hide it.
                if (p.LastPortOutInquiry is not { } last || e.OccurredAt > last) p.LastPortOutInquiry = e.OccurredAt;
                break;
            case TouchpointKind.CampaignAccepted when t.Discount:
                p.DiscountCampaignsAccepted++;
                break;
        }
    }

    private static void Open(CustomerProfile p, string reference, DateTimeOffset at)
    {
        if (p.OpenComplaints.Any(c => c.Reference == reference)) return;
        // Its resolution may have arrived first (events come out of order): then it is not open.
        if (p.Touchpoints.Any(x => x.Kind == TouchpointKind.ComplaintResolved && x.Reference == reference && x.At >= at)) return;
        p.OpenComplaints.Add(new OpenComplaint(reference, at));
    }

    private static void Close(CustomerProfile p, string? reference)
    {
        var complaint = p.OpenComplaints.FirstOrDefault(c => c.Reference == reference)
            ?? p.OpenComplaints.OrderBy(c => c.OpenedAt).FirstOrDefault();
        if (complaint is not null) p.OpenComplaints.Remove(complaint);
    }
}
