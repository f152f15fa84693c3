using NodaTime;
using Protocol.Core.Model;
using Protocol.Core.Time;

namespace Protocol.Core.Rules;

/// <summary>Whether a duration threshold counts the exact instant ("72 hours") or only after it ("more than 72 hours").</summary>
public enum ThresholdMode
{
    /// <summary>Reached at the instant itself: ended at or after the threshold still counts.</summary>
    Inclusive,
    /// <summary>Reached only if the episode continues past the instant.</summary>
    Strict,
}

/// <summary>What starts an obligation.</summary>
public abstract record Trigger
{
    /// <summary>Readable form.</summary>
    public abstract string Describe();
}

/// <summary>An event occurs (in episode scope the first occurrence in the episode; in child scope, every occurrence).</summary>
public sealed record EventTrigger(EventSet Event) : Trigger
{
    /// <inheritdoc />
    public override string Describe() => $"on {Event}";
}

/// <summary>The child is still missing an amount of time after an event.</summary>
public sealed record MissingForTrigger(Amount Amount, EventSet From, ThresholdMode Mode) : Trigger
{
    /// <inheritdoc />
    public override string Describe() =>
        $"still missing {(Mode == ThresholdMode.Strict ? "more than" : "at")} {Amount} after {From}";
}

/// <summary>Which fact about the child a <see cref="ChangeTrigger"/> watches.</summary>
public enum ChangeKind
{
    /// <summary>A flag begins to apply (the start of one of its dated periods).</summary>
    FlagIdentified,
    /// <summary>A dated change of care status.</summary>
    CareStatus,
    /// <summary>A dated change of placement.</summary>
    Placement,
    /// <summary>A dated change of the responsible (placing) authority.</summary>
    ResponsibleAuthority,
    /// <summary>A dated change of the host authority.</summary>
    HostAuthority,
}

/// <summary>
/// A fact about the child changes (child scope only): a flag is identified (one of its periods begins), or a dated
/// change of <c>child.changes</c> sets care status, placement or an authority to a new value. Each such change
/// raises the duty once, at the instant it took effect. Facts with no date (a flag that always applies, the
/// circumstances before the first change) raise nothing: there is no instant to count from.
/// </summary>
public sealed record ChangeTrigger(ChangeKind Kind, string? Flag = null, CareStatus? To = null) : Trigger
{
    /// <inheritdoc />
    public override string Describe() => Kind switch
    {
        ChangeKind.FlagIdentified => $"when '{Flag}' is identified",
        ChangeKind.CareStatus => To is { } to ? $"on becoming {Words(to)}" : "on a change of care status",
        ChangeKind.Placement => "on a change of placement",
        ChangeKind.ResponsibleAuthority => "on a change of responsible authority",
        _ => "on a change of host authority",
    };

    private static string Words(CareStatus s) => s switch
    {
        CareStatus.LookedAfter => "looked-after",
        CareStatus.CareLeaver => "a care leaver",
        _ => "living at home",
    };

    /// <summary>The instants, in order and up to <paramref name="at"/>, at which the watched fact changed.</summary>
    public IEnumerable<Instant> Instants(Child child, Instant at)
    {
        if (Kind == ChangeKind.FlagIdentified)
        {
            foreach (var f in child.FlagPeriods.Where(p => p.Flag == Flag && p.From is { } from && from <= at).Select(p => p.From!.Value).Distinct().Order())
                yield return f;
            yield break;
        }
        var before = new Circumstances(child.CareStatus, child.ResponsibleAuthority, child.HostAuthority, child.Placement);
        foreach (var change in child.Changes)
        {
            if (change.From > at) yield break;
            var now = new Circumstances(change.CareStatus ?? before.CareStatus, change.ResponsibleAuthority ?? before.ResponsibleAuthority,
                change.HostAuthority ?? before.HostAuthority, change.Placement ?? before.Placement);
            var changed = Kind switch
            {
                ChangeKind.CareStatus => change.CareStatus is { } cs && cs != before.CareStatus && (To is null || cs == To),
                ChangeKind.Placement => change.Placement is { } pl && pl != before.Placement,
                ChangeKind.ResponsibleAuthority => change.ResponsibleAuthority is { } ra && ra != before.ResponsibleAuthority,
                _ => change.HostAuthority is { } ha && ha != before.HostAuthority,
            };
            if (changed) yield return change.From;
            before = now;
        }
    }
}
