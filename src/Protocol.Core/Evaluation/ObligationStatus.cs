namespace Protocol.Core.Evaluation;

/// <summary>
/// Where a duty stands at the evaluation instant: one state of its life, described in docs/lifecycle.md and
/// decided in one place (<see cref="DutyLifecycle"/>).
/// </summary>
public enum ObligationStatus
{
    /// <summary>Will arise at a known instant if nothing changes (a threshold not yet reached, the next occurrence of a schedule).</summary>
    Upcoming,
    /// <summary>Raised, not yet met, and not late: time left, due "immediately" within its grace, waiting for the event its deadline counts from, or untimed.</summary>
    Pending,
    /// <summary>A "consider" duty (or a rung reached before the lower rung's meeting) awaiting a recorded decision, and not late.</summary>
    DecisionRequired,
    /// <summary>Not met and the time to do it has passed.</summary>
    Overdue,
    /// <summary>Met in time (or met, where nothing could be late).</summary>
    MetOnTime,
    /// <summary>Met after it became late.</summary>
    MetLate,
    /// <summary>Raised, then no longer needed: the situation ended it before it was met or late (e.g. the child was found).</summary>
    Lapsed,
    /// <summary>Owed by another authority (e.g. the placing authority of a child placed here): shown for information, never overdue here.</summary>
    External,
    /// <summary>Does not apply: its conditions did not hold, the episode's classification is not covered, or it did not arise.</summary>
    NotApplicable,
}
