namespace Customer360.Domain.Profile;

public enum PaymentMode { Postpaid, Prepaid }
