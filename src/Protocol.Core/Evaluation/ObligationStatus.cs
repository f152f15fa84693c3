namespace Protocol.Core.Evaluation;

/// <summary>Where an obligation stands at the evaluation instant.</summary>
public enum ObligationStatus
{
    /// <summary>Triggered, not yet met, not yet past its deadline (or due "immediately").</summary>
    Pending,
    /// <summary>Not met and the deadline has passed.</summary>
    Overdue,
    /// <summary>Met at or before the deadline.</summary>
    MetOnTime,
    /// <summary>Met after the deadline.</summary>
    MetLate,
    /// <summary>Triggered but its conditions did not hold, or it lapsed before it was due.</summary>
    NotApplicable,
}
