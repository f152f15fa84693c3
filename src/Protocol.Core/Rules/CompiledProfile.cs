using System.Collections.Frozen;
using Protocol.Core.Model;
using Protocol.Core.Time;

namespace Protocol.Core.Rules;

/// <summary>
/// A protocol compiled from its profile: immutable, thread-safe, shared by every evaluation.
/// Build it with the Profiles package (<c>ProfileLoader</c>); nothing here is authority-specific.
/// </summary>
public sealed class CompiledProfile
{
    private readonly FrozenDictionary<string, int> _riskRank;
    private readonly FrozenSet<string> _flags;
    private readonly FrozenSet<string> _activities;
    private readonly FrozenSet<string> _roles;

    /// <summary>Creates a compiled profile. Prefer the profile loader, which validates everything first.</summary>
    public CompiledProfile(
        ProfileMetadata metadata,
        WorkingDayCalendar calendar,
        IReadOnlyList<string> riskLevels,
        IReadOnlyList<RoleDefinition> roles,
        IReadOnlyList<ActivityDefinition> activities,
        IReadOnlyList<FlagDefinition> flags,
        IReadOnlyList<SettingDefinition> settings,
        IReadOnlyList<ClassificationRule> classification,
        string defaultClassification,
        IReadOnlyList<EventReference> missingEndsOn,
        IReadOnlyList<ObligationRule> obligations,
        IReadOnlyList<Ladder> ladders,
        IReadOnlyList<NotEncodedItem> notEncoded)
    {
        Metadata = metadata;
        Calendar = calendar;
        RiskLevels = riskLevels;
        Roles = roles;
        Activities = activities;
        Flags = flags;
        Settings = settings;
        Classification = classification;
        DefaultClassification = defaultClassification;
        MissingEndsOn = missingEndsOn;
        Obligations = obligations;
        Ladders = ladders;
        NotEncoded = notEncoded;
        _riskRank = riskLevels.Select((level, i) => (level, i)).ToFrozenDictionary(p => p.level, p => p.i, StringComparer.Ordinal);
        _flags = flags.Select(f => f.Id).ToFrozenSet(StringComparer.Ordinal);
        _activities = activities.Select(a => a.Id).ToFrozenSet(StringComparer.Ordinal);
        _roles = roles.Select(r => r.Id).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Metadata.</summary>
    public ProfileMetadata Metadata { get; }
    /// <summary>The service's office hours, if the profile states them (for conditions on "out of hours").</summary>
    public OfficeHours? OfficeHours { get; init; }
    /// <summary>
    /// The profile's grace for "immediately": how long after the trigger such a duty becomes late (null: never),
    /// with the setting's reading. Every <c>immediately</c> deadline of the profile carries it unless it sets its own.
    /// </summary>
    public SettingDefinition? ImmediateGrace { get; init; }
    /// <summary>Working days and time zone.</summary>
    public WorkingDayCalendar Calendar { get; }
    /// <summary>Risk levels, lowest first.</summary>
    public IReadOnlyList<string> RiskLevels { get; }
    /// <summary>Roles.</summary>
    public IReadOnlyList<RoleDefinition> Roles { get; }
    /// <summary>Activities.</summary>
    public IReadOnlyList<ActivityDefinition> Activities { get; }
    /// <summary>Flags.</summary>
    public IReadOnlyList<FlagDefinition> Flags { get; }
    /// <summary>Readings of ambiguous passages.</summary>
    public IReadOnlyList<SettingDefinition> Settings { get; }
    /// <summary>Classification rules, first match wins.</summary>
    public IReadOnlyList<ClassificationRule> Classification { get; }
    /// <summary>Label when no classification rule matches.</summary>
    public string DefaultClassification { get; }
    /// <summary>Events that end the missing period of an episode (the first one counts).</summary>
    public IReadOnlyList<EventReference> MissingEndsOn { get; }
    /// <summary>Obligations.</summary>
    public IReadOnlyList<ObligationRule> Obligations { get; }
    /// <summary>Escalation ladders.</summary>
    public IReadOnlyList<Ladder> Ladders { get; }
    /// <summary>What the profile does not encode, and why.</summary>
    public IReadOnlyList<NotEncodedItem> NotEncoded { get; }

    /// <summary>The rank of a risk level (0 = lowest), or -1 if unknown.</summary>
    public int RiskRank(string level) => _riskRank.TryGetValue(level, out var r) ? r : -1;

    /// <summary>True if the profile declares this flag.</summary>
    public bool DeclaresFlag(string flag) => _flags.Contains(flag);

    /// <summary>True if the profile declares this activity.</summary>
    public bool DeclaresActivity(string activity) => _activities.Contains(activity);

    /// <summary>True if the profile declares this role.</summary>
    public bool DeclaresRole(string role) => _roles.Contains(role);

    /// <summary>True if every flag, risk level, activity and role of the case is one this profile declares.</summary>
    internal bool Fits(ChildCase childCase) =>
        childCase.Child.AllFlagNames().All(DeclaresFlag)
        && childCase.AllEvents().All(e => (e.Level is null || RiskRank(e.Level) >= 0) && (e.Activity is null || DeclaresActivity(e.Activity))
                                          && (e.Recipient is null || DeclaresRole(e.Recipient)) && (e.By is null || DeclaresRole(e.By)));
}
