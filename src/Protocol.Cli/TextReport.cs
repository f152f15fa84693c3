using Protocol.Core.Evaluation;
using Protocol.Core.Rules;
using Spectre.Console;

namespace Protocol.Cli;

/// <summary>The readable form of an assessment: a header, the obligations and escalations as tables, and assumptions.</summary>
internal static class TextReport
{
    public static void Write(IAnsiConsole c, Assessment a, CompiledProfile profile, bool explain, bool all)
    {
        var zone = profile.Calendar.Zone;
        c.MarkupLine($"[bold]{Commands.Esc(profile.Metadata.Title)}[/] ({Commands.Esc(a.ProfileId)}{(a.ProfileVersion is { } v ? " v" + Commands.Esc(v) : "")})");
        c.MarkupLine($"Child {Commands.Esc(a.ChildId)}, evaluated at {Commands.Esc(DueTime.FormatLocal(a.EvaluatedAt, zone))} (Europe/London)" +
                     (a.Age is { } age ? $", aged {age}" : ", age unknown"));
        if (a.Classification is not null)
        {
            c.MarkupLine($"Classification: [bold]{Commands.Esc(a.Classification)}[/] — {Commands.Esc(a.ClassificationReason ?? "")}");
            c.MarkupLine($"Current risk: [bold]{Commands.Esc(a.CurrentRisk ?? "not graded")}[/]");
        }
        else c.MarkupLine("No episode recorded.");
        c.WriteLine();

        var table = new Table().Title("Obligations").AddColumns("status", "obligation", "episode", "responsible", "due (Europe/London)", "citation");
        var hidden = all ? 0 : a.Obligations.Count(o => o.Status == ObligationStatus.NotApplicable);
        foreach (var o in a.Obligations.Where(o => all || o.Status != ObligationStatus.NotApplicable))
        {
            var title = o.Title + (o.Occurrence is { } n ? $" (#{n})" : "") + (o.Nature == Nature.Consider ? " [consider]" : "");
            var due = o.Due is null ? "—" : o.Due.Immediate ? "immediately" : o.Due.Local;
            table.AddRow(StatusMarkup(o.Status), Commands.Esc($"{o.Id}: {title}"), Commands.Esc(o.EpisodeId ?? "child"), Commands.Esc(o.Responsible.Title), Commands.Esc(due), Commands.Esc(o.Citation));
            if (explain) table.AddRow("", "[grey]" + Commands.Esc(string.Join("\n", o.Explanation)) + "[/]", "", "", "", "");
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
                    Commands.Esc(e.Chair?.Title ?? "—"), Commands.Esc(e.Due.Local), Commands.Esc(e.Citation));
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

    public static void WriteCaseload(IAnsiConsole c, CaseloadAssessment result, CompiledProfile profile, bool explain)
    {
        c.MarkupLine($"[bold]{Commands.Esc(profile.Metadata.Title)}[/] ({Commands.Esc(result.ProfileId)}): {result.Children.Count} children, evaluated at {Commands.Esc(DueTime.FormatLocal(result.EvaluatedAt, profile.Calendar.Zone))} (Europe/London)");
        var table = new Table().Title("Children").AddColumns("child", "classification", "risk", "overdue", "pending", "met late", "escalations");
        foreach (var a in result.Children)
            table.AddRow(Commands.Esc(a.ChildId), Commands.Esc(a.Classification ?? "—"), Commands.Esc(a.CurrentRisk ?? "—"),
                a.Obligations.Count(o => o.Status == ObligationStatus.Overdue).ToString(), a.Obligations.Count(o => o.Status == ObligationStatus.Pending).ToString(),
                a.Obligations.Count(o => o.Status == ObligationStatus.MetLate).ToString(), Commands.Esc(string.Join(", ", a.Escalations.Select(e => e.RungId))));
        c.Write(table);
        if (result.Establishments.Count == 0) { c.MarkupLine("No establishment escalations."); return; }
        var esc = new Table().Title("Establishments").AddColumns("status", "establishment", "rung", "count / window", "trigger", "due (Europe/London)", "citation");
        foreach (var e in result.Establishments)
        {
            var window = e.WindowFrom is { } f ? $"{e.Count} from {f:yyyy-MM-dd} to {e.WindowTo:yyyy-MM-dd}" : $"{e.Count} in total";
            esc.AddRow(StatusMarkup(e.Status), Commands.Esc(e.Establishment ?? ""), Commands.Esc($"{e.RungId}: {e.Title}"), Commands.Esc(window),
                Commands.Esc($"{e.TriggerChildId}/{e.TriggerEpisodeId}"), Commands.Esc(e.Due.Local), Commands.Esc(e.Citation));
            if (explain) esc.AddRow("", "", "[grey]" + Commands.Esc(string.Join("\n", e.Explanation)) + "[/]", "", "", "", "");
        }
        c.Write(esc);
    }

    private static string StatusMarkup(ObligationStatus s) => s switch
    {
        ObligationStatus.Overdue => "[red bold]OVERDUE[/]",
        ObligationStatus.Pending => "[yellow]pending[/]",
        ObligationStatus.MetOnTime => "[green]met on time[/]",
        ObligationStatus.MetLate => "[darkorange]met late[/]",
        _ => "[grey]not applicable[/]",
    };
}
