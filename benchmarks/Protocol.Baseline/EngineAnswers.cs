using Protocol.Core.Evaluation;

namespace Protocol.Baseline;

/// <summary>The engine's assessment of the subset, reduced to the <see cref="DutyAnswer"/>s the hand-written code also gives.</summary>
public static class EngineAnswers
{
    /// <summary>
    /// Every obligation and ladder rung of the assessment except those that are not applicable, in
    /// <see cref="DutyAnswer.Order"/>. Not-applicable results are left out: the hand-written code, like most code written
    /// by hand, says only what is owed, and does not list what was never owed (an episode the police were never told
    /// of, a threshold the child came back before, a return that the police found). A duty one side owes and the other
    /// does not still shows as a difference.
    /// </summary>
    public static List<DutyAnswer> Of(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var answers = new List<DutyAnswer>(assessment.Obligations.Count + assessment.Escalations.Count);
        foreach (var o in assessment.Obligations)
            if (o.Status != ObligationStatus.NotApplicable)
                answers.Add(new DutyAnswer(o.Id, o.EpisodeId ?? "", o.Due?.Utc, o.Status));
        foreach (var e in assessment.Escalations)
            answers.Add(new DutyAnswer(e.RungId, e.TriggerEpisodeId, e.Due?.Utc, e.Status));
        answers.Sort(DutyAnswer.Order);
        return answers;
    }
}
