namespace Protocol.Core.Cases;

/// <summary>What validation makes of records dated after the evaluation instant (but not after the current time).</summary>
public enum RecordsAfterAt
{
    /// <summary>
    /// Allowed: the case is assessed as it stood at the evaluation instant (a replay); the evaluator ignores
    /// them and the assessment's assumptions say how many.
    /// </summary>
    Ignored,

    /// <summary>Errors, each naming the record: the evaluation instant is before part of the case.</summary>
    Errors,
}
