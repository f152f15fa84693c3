using System.Collections.Frozen;

namespace Protocol.Core.Model;

/// <summary>Names of <see cref="EventType"/> values as written in profiles and case files (kebab-case).</summary>
public static class EventTypes
{
    private static readonly FrozenDictionary<string, EventType> ByName = new Dictionary<string, EventType>
    {
        ["last-seen"] = EventType.LastSeen,
        ["carer-aware"] = EventType.CarerAware,
        ["reported-missing"] = EventType.ReportedMissing,
        ["categorised"] = EventType.Categorised,
        ["risk-graded"] = EventType.RiskGraded,
        ["whereabouts-known"] = EventType.WhereaboutsKnown,
        ["whereabouts-lost"] = EventType.WhereaboutsLost,
        ["found"] = EventType.Found,
        ["returned"] = EventType.Returned,
        ["return-notified"] = EventType.ReturnNotified,
        ["notification-sent"] = EventType.NotificationSent,
        ["interview-offered"] = EventType.InterviewOffered,
        ["interview-accepted"] = EventType.InterviewAccepted,
        ["interview-declined"] = EventType.InterviewDeclined,
        ["interview-completed"] = EventType.InterviewCompleted,
        ["meeting-held"] = EventType.MeetingHeld,
        ["review-held"] = EventType.ReviewHeld,
        ["action-completed"] = EventType.ActionCompleted,
        ["decision-recorded"] = EventType.DecisionRecorded,
        ["frequency-agreed"] = EventType.FrequencyAgreed,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<EventType, string> NameOf =
        ByName.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>All event names, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        Enum.GetValues<EventType>().Select(type => NameOf[type]).ToArray();

    /// <summary>The kebab-case name of an event type.</summary>
    public static string Name(this EventType type) => NameOf[type];

    /// <summary>Parses a kebab-case event name.</summary>
    public static bool TryParse(string name, out EventType type) => ByName.TryGetValue(name, out type);

    /// <summary>True for events that record an action and must name an activity.</summary>
    public static bool IsActivityRecord(this EventType type) => type >= EventType.NotificationSent;

    /// <summary>The police categories a <c>categorised</c> event may carry.</summary>
    public static IReadOnlyList<string> PoliceCategories { get; } = ["absent", "missing", "no-apparent-risk"];

    /// <summary>Events that begin an absence: a clock counted from one that is not recorded falls back (it happened, unrecorded); any other event not yet recorded is waited for.</summary>
    public static bool BeginsAbsence(this EventType type) => type is EventType.LastSeen or EventType.CarerAware;
}
