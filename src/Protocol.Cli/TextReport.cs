using NodaTime;
using Protocol.Core.Evaluation;
using Protocol.Core.Rules;
using Spectre.Console;

namespace Protocol.Cli;

/// <summary>The readable form of an assessment: a header, the obligations and escalations as tables, and assumptions.</summary>
internal static class TextReport
{
    /// <summary>Upcoming occurrences of one recurring duty shown before the rest are summarised in one line.</summary>
    private const int OccurrencesShown = 3;

    public static void Write(IAnsiConsole c, Assessment a, CompiledProfile profile, bool explain, bool all)
    {
        var zone = profile.Calendar.Zone;
        c.MarkupLine($"[bold]{Commands.Esc(profile.Metadata.Title)}[/] ({Commands.Esc(a.ProfileId)}{(a.ProfileVersion is { } v ? " v" + Commands.Esc(v) : "")})");
        c.MarkupLine($"Child {Commands.Esc(a.ChildId)}, evaluated at {Commands.Esc(DueTime.FormatLocal(a.EvaluatedAt, zone))} (Europe/London)" +
                     (a.Age is { } age ? $", aged {age}" : ", age unknown"));
        if (a.Classification is not null)
        {
            c.MarkupLine($"Classification: [bold]{Commands.Esc(a.Classification)}[/] — {Commands.Esc(a.ClassificationReason ?? "")}");
            if (a.Episodes.LastOrDefault() is { History.Count: > 1 } latest)
                c.MarkupLine("[grey]" + Commands.Esc("  history: " + string.Join(" → ", latest.History.Select(h => $"{h.Classification} from {DueTime.FormatLocal(h.From, zone)}"))) + "[/]");
            c.MarkupLine($"Current risk: [bold]{Commands.Esc(a.CurrentRisk ?? "not graded")}[/]");
        }
        else c.MarkupLine("No episode recorded.");
        c.WriteLine();

        var table = new Table().Title("Obligations").AddColumns("status", "obligation", "episode", "responsible", "due (Europe/London)", "citation");
        var hidden = all ? 0 : a.Obligations.Count(o => o.Status == ObligationStatus.NotApplicable);
        var shown = a.Obligations.Where(o => all || o.Status != ObligationStatus.NotApplicable).ToList();
        foreach (var group in shown.GroupBy(o => (o.Id, o.EpisodeId, Recipient: o.Recipient?.Id)))
        {
            // A long-running recurring duty (e.g. a daily review of an episode open for months) would fill the screen:
            // every outstanding or upcoming occurrence is shown, and of the rest only the last few.
            var items = group.ToList();
            var keep = items.Where(o => o.Status is not (ObligationStatus.MetOnTime or ObligationStatus.MetLate or ObligationStatus.Overdue)).ToList();
            var settled = items.Except(keep).ToList();
            var summarised = settled.Count > OccurrencesShown ? settled.Take(settled.Count - OccurrencesShown).ToList() : [];
            if (summarised.Count > 0)
            {
                var counts = summarised.GroupBy(o => o.Status).Select(g => $"{g.Count()} {g.Key.Name()}");
                table.AddRow("", Commands.Esc($"{group.Key.Id}: occurrences #{summarised[0].Occurrence}–#{summarised[^1].Occurrence}: {string.Join(", ", counts)}"),
                    Commands.Esc(group.Key.EpisodeId ?? "child"), "", "", "");
            }
            foreach (var o in items.Except(summarised))
            {
                var title = o.Title + (o.Occurrence is { } n ? $" (#{n})" : "") + (o.Recipient is { } r ? $" — to {r.Title}" : "") + (o.Nature == Nature.Consider ? " [consider]" : "");
                table.AddRow(StatusMarkup(o.Status), Commands.Esc($"{o.Id}: {title}"), Commands.Esc(o.EpisodeId ?? "child"), Commands.Esc(o.Responsible.Title), Commands.Esc(DueText(o)), Commands.Esc(o.Citation));
                if (explain) table.AddRow("", "[grey]" + Commands.Esc(string.Join("\n", o.Explanation)) + "[/]", "", "", "", "");
            }
        }
        if (a.Obligations.Count == 0) table.AddRow("", "none triggered", "", "", "", "");
        c.Write(table);
        if (hidden > 0) c.MarkupLine($"[grey]{hidden} not-applicable item(s) hidden; --all shows them with --explain saying why.[/]");

        if (a.Escalations.Count > 0)
        {
            var esc = new Table().Title("Escalations").AddColumns("status", "rung", "count / window", "trigger episode", "chair", "due (Europe/London)", "citation");
            foreach (var e in a.Escalations)
            {
                var window = e.WindowFrom is { } f ? $"{e.Count} from {f:yyyy-MM-dd} to {e.WindowTo:yyyy-MM-dd}" : $"{e.Count} in total";
                esc.AddRow(StatusMarkup(e.Status), Commands.Esc($"{e.RungId}: {e.Title}"), Commands.Esc(window), Commands.Esc(e.TriggerEpisodeId),
                    Commands.Esc(e.Chair?.Title ?? "—"), Commands.Esc(Commands.DueText(e)), Commands.Esc(e.Citation));
                if (explain) esc.AddRow("", "[grey]" + Commands.Esc(string.Join("\n", e.Explanation)) + "[/]", "", "", "", "", "");
            }
            c.Write(esc);
        }
        foreach (var l in a.Ladders)
            c.MarkupLine($"{Commands.Esc(l.Title)}: {l.CountNow} counted episode(s) in {Commands.Esc(l.Window)} now; highest rung reached: {Commands.Esc(l.HighestRungReached ?? "none")}");
        if (a.Assumptions.Count > 0)
        {
            c.WriteLine();
            c.MarkupLine("[yellow]Assumed:[/]");
            foreach (var s in a.Assumptions) c.MarkupLine($"  - {Commands.Esc(s)}");
        }
    }

    /// <summary>What falls due within the horizon if nothing changes.</summary>
    public static void WriteHorizon(IAnsiConsole c, IReadOnlyList<ComingDuty> coming, Assessment a, Duration within, DateTimeZone zone)
    {
        var until = DueTime.FormatLocal(a.EvaluatedAt + within, zone);
        var table = new Table().Title($"Coming due by {until} (next {DutySpan(within)}), if nothing changes").AddColumns("status", "duty", "episode", "responsible", "arises", "due (Europe/London)", "citation");
        foreach (var d in coming)
            table.AddRow(StatusMarkup(d.Status), Commands.Esc(ComingTitle(d)), Commands.Esc(d.EpisodeId ?? "child"), Commands.Esc(d.Responsible.Title),
                Commands.Esc(DueTime.FormatLocal(d.ArisesAt, zone)), Commands.Esc(ComingDue(d, zone)), Commands.Esc(d.Citation));
        if (coming.Count == 0) table.AddRow("", "nothing falls due in this time", "", "", "", "", "");
        c.Write(table);
    }

    /// <summary>What falls due within the horizon across a caseload, child by child.</summary>
    public static void WriteCaseloadHorizon(IAnsiConsole c, CaseloadAssessment result, Func<Assessment, (Instant Until, IReadOnlyList<ComingDuty> Items)> comingFor, DateTimeZone zone)
    {
        var horizons = result.Children.Select(a => (Child: a.ChildId, Coming: comingFor(a))).ToList();
        var until = horizons.Count > 0 ? horizons[0].Coming.Until : result.EvaluatedAt;
        var table = new Table().Title($"Coming due by {DueTime.FormatLocal(until, zone)} (next {DutySpan(until - result.EvaluatedAt)}), if nothing changes")
            .AddColumns("status", "child", "duty", "episode", "responsible", "due (Europe/London)", "citation");
        var rows = horizons.SelectMany(h => h.Coming.Items.Select(d => (h.Child, Duty: d))).OrderBy(x => x.Duty.Due?.Utc ?? x.Duty.ArisesAt).ToList();
        foreach (var (child, d) in rows)
            table.AddRow(StatusMarkup(d.Status), Commands.Esc(child), Commands.Esc(ComingTitle(d)), Commands.Esc(d.EpisodeId ?? "child"),
                Commands.Esc(d.Responsible.Title), Commands.Esc(ComingDue(d, zone)), Commands.Esc(d.Citation));
        if (rows.Count == 0) table.AddRow("", "", "nothing falls due in this time", "", "", "", "");
        c.Write(table);
    }

    private static string ComingTitle(ComingDuty d) =>
        $"{d.Id}: {d.Title}" + (d.Occurrence is { } n ? $" (#{n})" : "") + (d.Recipient is { } r ? $" — to {r.Title}" : "");

    private static string ComingDue(ComingDuty d, DateTimeZone zone) =>
        d.Due is null ? "—"
        : d.Due.Immediate ? $"immediately ({d.Due.Local}){(d.Due.LateAfter is { } l ? $", late after {DueTime.FormatLocal(l, zone)}" : "")}"
        : d.Due.Local;

    private static string DutySpan(Duration d) => d.TotalHours % 24 == 0 && d.TotalHours >= 24 ? $"{d.TotalHours / 24:0} day(s)" : $"{d.TotalHours:0.##} hour(s)";

    /// <summary>The due column: the due time, "immediately", what it waits for, or that it is untimed.</summary>
    public static string DueText(ObligationResult o) => o.Due switch
    {
        null when o.WaitingFor is { } w => $"waiting for {w}",
        null when o.Status == ObligationStatus.NotApplicable => "—",
        null => o.DeadlineRule?.StartsWith("no time limit", StringComparison.Ordinal) == true ? "untimed" : "—",
        { Immediate: true } d => $"immediately ({d.Local})",
        var d => d.Local,
    };

    public static void WriteCaseload(IAnsiConsole c, CaseloadAssessment result, CompiledProfile profile, bool explain)
    {
        c.MarkupLine($"[bold]{Commands.Esc(profile.Metadata.Title)}[/] ({Commands.Esc(result.ProfileId)}): {result.Children.Count} children, evaluated at {Commands.Esc(DueTime.FormatLocal(result.EvaluatedAt, profile.Calendar.Zone))} (Europe/London)");
        var table = new Table().Title("Children").AddColumns("child", "classification", "risk", "overdue", "pending", "upcoming", "met late", "escalations");
        foreach (var a in result.Children)
            table.AddRow(Commands.Esc(a.ChildId), Commands.Esc(a.Classification ?? "—"), Commands.Esc(a.CurrentRisk ?? "—"),
                a.Obligations.Count(o => o.Status == ObligationStatus.Overdue).ToString(),
                a.Obligations.Count(o => o.Status is ObligationStatus.Pending or ObligationStatus.DecisionRequired).ToString(),
                a.Obligations.Count(o => o.Status == ObligationStatus.Upcoming).ToString(),
                a.Obligations.Count(o => o.Status == ObligationStatus.MetLate).ToString(), Commands.Esc(string.Join(", ", a.Escalations.Select(e => e.RungId))));
        c.Write(table);
        if (result.Establishments.Count == 0) { c.MarkupLine("No establishment escalations."); return; }
        var esc = new Table().Title("Establishments").AddColumns("status", "establishment", "rung", "count / window", "trigger", "due (Europe/London)", "citation");
        foreach (var e in result.Establishments)
        {
            var window = e.WindowFrom is { } f ? $"{e.Count} from {f:yyyy-MM-dd} to {e.WindowTo:yyyy-MM-dd}" : $"{e.Count} in total";
            esc.AddRow(StatusMarkup(e.Status), Commands.Esc(e.Establishment ?? ""), Commands.Esc($"{e.RungId}: {e.Title}"), Commands.Esc(window),
                Commands.Esc($"{e.TriggerChildId}/{e.TriggerEpisodeId}"), Commands.Esc(Commands.DueText(e)), Commands.Esc(e.Citation));
            if (explain) esc.AddRow("", "", "[grey]" + Commands.Esc(string.Join("\n", e.Explanation)) + "[/]", "", "", "", "");
        }
        c.Write(esc);
    }

    private static string StatusMarkup(ObligationStatus s) => s switch
    {
        ObligationStatus.Overdue => "[red bold]OVERDUE[/]",
        ObligationStatus.Pending => "[yellow]pending[/]",
        ObligationStatus.DecisionRequired => "[yellow]decision required[/]",
        ObligationStatus.Upcoming => "[blue]upcoming[/]",
        ObligationStatus.MetOnTime => "[green]met on time[/]",
        ObligationStatus.MetLate => "[darkorange]met late[/]",
        ObligationStatus.Lapsed => "[grey]lapsed[/]",
        ObligationStatus.External => "[grey]external[/]",
        _ => "[grey]not applicable[/]",
    };
}
