namespace Protocol.Core.Model;

/// <summary>
/// The closed set of things that can be recorded on a child's timeline. Timeline events describe the
/// absence itself; activity records say what was done and always name a profile activity
/// (<see cref="EpisodeEvent.Activity"/>), e.g. <c>meeting-held</c> of <c>strategy-meeting</c>.
/// Timeline events come first in this enumeration, activity records after <see cref="NotificationSent"/>.
/// </summary>
public enum EventType
{
    /// <summary>The child was last seen (the absence began).</summary>
    LastSeen,
    /// <summary>The carer or parent became aware the child was absent.</summary>
    CarerAware,
    /// <summary>The child was reported missing to the police (a formal report may follow an earlier one).</summary>
    ReportedMissing,
    /// <summary>The police categorised (or re-categorised) the report, e.g. absent → missing; carries <see cref="EpisodeEvent.Category"/>.</summary>
    Categorised,
    /// <summary>The police graded (or re-graded) the risk; carries <see cref="EpisodeEvent.Level"/>.</summary>
    RiskGraded,
    /// <summary>The child's whereabouts became known, without the child being located.</summary>
    WhereaboutsKnown,
    /// <summary>Whereabouts that were known are no longer known (the child moved on, contact was lost).</summary>
    WhereaboutsLost,
    /// <summary>The child was found or located.</summary>
    Found,
    /// <summary>The child returned home or to their placement.</summary>
    Returned,
    /// <summary>The responsible service received notification that the child had returned.</summary>
    ReturnNotified,
    /// <summary>A notification was sent (activity record; may name its <see cref="EpisodeEvent.Recipient"/>).</summary>
    NotificationSent,
    /// <summary>An interview was offered (activity record).</summary>
    InterviewOffered,
    /// <summary>An offered interview was accepted (activity record).</summary>
    InterviewAccepted,
    /// <summary>An offered interview was declined (activity record).</summary>
    InterviewDeclined,
    /// <summary>An interview was completed (activity record).</summary>
    InterviewCompleted,
    /// <summary>A meeting was held (activity record).</summary>
    MeetingHeld,
    /// <summary>A review was held (activity record).</summary>
    ReviewHeld,
    /// <summary>Any other action was completed (activity record).</summary>
    ActionCompleted,
    /// <summary>A decision was recorded on whether to do the activity (meets a "consider" duty either way).</summary>
    DecisionRecorded,
    /// <summary>A frequency was agreed for a recurring activity; carries <see cref="EpisodeEvent.Every"/>.</summary>
    FrequencyAgreed,
}
