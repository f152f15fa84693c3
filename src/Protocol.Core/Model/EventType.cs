namespace Protocol.Core.Model;

/// <summary>
/// The closed set of things that can be recorded on a child's timeline. Timeline events describe the
/// absence itself; activity records say what was done and always name a profile activity
/// (<see cref="EpisodeEvent.Activity"/>), e.g. <c>meeting-held</c> of <c>strategy-meeting</c>.
/// </summary>
public enum EventType
{
    /// <summary>The child was last seen (the absence began).</summary>
    LastSeen,
    /// <summary>The carer or parent became aware the child was absent.</summary>
    CarerAware,
    /// <summary>The child was reported missing to the police.</summary>
    ReportedMissing,
    /// <summary>The police graded (or re-graded) the risk; carries <see cref="EpisodeEvent.Level"/>.</summary>
    RiskGraded,
    /// <summary>The child's whereabouts became known, without the child being located.</summary>
    WhereaboutsKnown,
    /// <summary>The child was found or located.</summary>
    Found,
    /// <summary>The child returned home or to their placement.</summary>
    Returned,
    /// <summary>The responsible service received notification that the child had returned.</summary>
    ReturnNotified,
    /// <summary>A notification was sent (activity record).</summary>
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
}
