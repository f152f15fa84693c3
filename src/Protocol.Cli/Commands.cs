using System.CommandLine;
using NodaTime;
using Protocol.Core.Cases;
using Protocol.Core.Evaluation;
using Protocol.Core.Rules;
using Protocol.Core.Time;
using Protocol.Profiles;
using Protocol.Profiles.Testing;
using Spectre.Console;

namespace Protocol.Cli;

internal static class Commands
{
    public static Command Profiles(CliContext cx)
    {
        var command = new Command("profiles", "List the shipped profiles.");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumns("id", "authority", "document", "version", "obligations", "ladders");
            var failed = false;
            foreach (var id in ProfileCatalog.Shipped.Ids)
            {
                var result = ProfileCatalog.Shipped.Resolve(id);
                if (result.Profile is { } p)
                    table.AddRow(Esc(id), Esc(p.Metadata.Authority), Esc(p.Metadata.Title), Esc(p.Metadata.Version ?? ""), p.Obligations.Count.ToString(), p.Ladders.Count.ToString());
                else
                {
                    failed = true;
                    table.AddRow(Esc(id), "[red]invalid[/]", Esc(result.Diagnostics.FirstOrDefault()?.ToString() ?? ""), "", "", "");
                }
            }
            cx.Console.Write(table);
            return failed ? 1 : 0;
        });
        return command;
    }

    public static Command Validate(CliContext cx)
    {
        var targets = new Argument<string[]>("profile") { Description = "Shipped profile ids or profile files.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check profiles; print every problem as file:line:column: error CODE: message.");
        command.Arguments.Add(targets);
        command.SetAction(parse =>
        {
            var exit = 0;
            foreach (var target in parse.GetValue(targets) ?? [])
            {
                var result = ProfileCatalog.Shipped.Resolve(target);
                if (result.IsValid)
                {
                    var p = result.Profile!;
                    cx.Out.WriteLine($"{target}: valid ({p.Obligations.Count} obligations, {p.Ladders.Sum(l => l.Rungs.Count)} rungs in {p.Ladders.Count} ladders, {p.NotEncoded.Count} not encoded)");
                    continue;
                }
                exit = 1;
                foreach (var d in result.Diagnostics) cx.Error.WriteLine(d.ToString());
                cx.Error.WriteLine($"{target}: {result.Diagnostics.Count} problem{(result.Diagnostics.Count == 1 ? "" : "s")}");
            }
            return exit;
        });
        return command;
    }

    public static Command Evaluate(CliContext cx)
    {
        var profile = new Option<string>("--profile") { Description = "A shipped profile id or a profile file.", Required = true };
        var caseFile = new Option<string>("--case") { Description = "The case file, or a caseload file with several children (JSON, see docs/case-format.md).", Required = true };
        var at = new Option<string?>("--at") { Description = "Evaluation instant, ISO-8601 with offset (default: now)." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var explain = new Option<bool>("--explain") { Description = "With text output, show why each item applies." };
        var all = new Option<bool>("--all") { Description = "With text output, also show items that do not apply." };
        var asAt = new Option<bool>("--as-at") { Description = "Assess the case as it stood at --at: records dated after it are ignored (the assessment says so) instead of being errors." };
        var horizon = new Option<string?>("--horizon") { Description = "Also list what falls due within this length after the evaluation instant if nothing changes, e.g. 72h, 2 days, 5 working days." };
        var command = new Command("evaluate", "Evaluate a child's case against a profile: what is due, by whom, by when, and why.");
        command.Options.Add(profile);
        command.Options.Add(caseFile);
        command.Options.Add(at);
        command.Options.Add(format);
        command.Options.Add(explain);
        command.Options.Add(all);
        command.Options.Add(asAt);
        command.Options.Add(horizon);
        command.SetAction(parse =>
        {
            Amount? horizonLength = null;
            if (parse.GetValue(horizon) is { } horizonText && (!Amount.TryParse(horizonText, out horizonLength, out _) || horizonLength!.Value == 0))
            {
                cx.Error.WriteLine($"error: --horizon '{horizonText}' is not a length of time, e.g. 72h, 2 days or 5 working days");
                return 2;
            }
            var loaded = ProfileCatalog.Shipped.Resolve(parse.GetValue(profile)!);
            if (!loaded.IsValid)
            {
                foreach (var d in loaded.Diagnostics) cx.Error.WriteLine(d.ToString());
                return 1;
            }
            // "now" is the real time, whatever --at says: a record dated after it is an error. A record after --at
            // but not after now is an error too, unless --as-at asks for the case as it stood at --at: then it is
            // ignored and the assessment says so.
            var now = cx.Clock.GetCurrentInstant();
            var later = parse.GetValue(asAt) ? RecordsAfterAt.Ignored : RecordsAfterAt.Errors;
            Instant instant;
            if (parse.GetValue(at) is { } atText)
            {
                if (!CaseReader.TryParseInstant(atText, out instant))
                {
                    cx.Error.WriteLine($"error: --at '{atText}' is not an ISO-8601 instant with an offset, e.g. 2025-03-30T12:00:00Z");
                    return 2;
                }
            }
            else instant = now;
            var path = parse.GetValue(caseFile)!;
            string json;
            try
            {
                if (new FileInfo(path) is { Exists: true, Length: > CaseReader.MaxLength })
                {
                    cx.Error.WriteLine($"{path}: error: the case file is larger than {CaseReader.MaxLength / (1024 * 1024)} MB");
                    return 1;
                }
                json = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                cx.Error.WriteLine($"{path}: error: cannot read the case file: {e.Message}");
                return 1;
            }
            if (IsCaseload(json))
            {
                var caseload = CaseReader.ReadCaseload(json, loaded.Profile, instant, now, later);
                if (!caseload.IsValid)
                {
                    foreach (var e in caseload.Errors) cx.Error.WriteLine($"{path}: error: {e}");
                    return 1;
                }
                var result = Evaluator.EvaluateCaseload(loaded.Profile!, caseload.Caseload!, instant);
                Func<Assessment, (Instant Until, IReadOnlyList<ComingDuty> Items)>? comingFor = null;
                if (horizonLength is not null)
                {
                    var until = horizonLength.AddTo(instant, loaded.Profile!.Calendar);
                    comingFor = a => (until, Horizon.Coming(a, until - instant));
                }
                if (parse.GetValue(format) == "json") cx.Out.WriteLine(AssessmentJson.Serialize(result, comingFor));
                else
                {
                    TextReport.WriteCaseload(cx.Console, result, loaded.Profile!, parse.GetValue(explain));
                    if (comingFor is not null)
                    {
                        cx.Console.WriteLine();
                        TextReport.WriteCaseloadHorizon(cx.Console, result, comingFor, loaded.Profile!.Calendar.Zone);
                    }
                }
                return 0;
            }
            var read = CaseReader.Read(json, loaded.Profile, instant, now, later);
            if (!read.IsValid)
            {
                foreach (var e in read.Errors) cx.Error.WriteLine($"{path}: error: {e}");
                return 1;
            }
            var assessment = Evaluator.Evaluate(loaded.Profile!, read.Case!, instant);
            (Instant Until, IReadOnlyList<ComingDuty> Items)? coming = null;
            if (horizonLength is not null)
            {
                var until = horizonLength.AddTo(instant, loaded.Profile!.Calendar);
                coming = (until, Horizon.Coming(assessment, until - instant));
            }
            if (parse.GetValue(format) == "json") cx.Out.WriteLine(AssessmentJson.Serialize(assessment, coming));
            else
            {
                TextReport.Write(cx.Console, assessment, loaded.Profile!, parse.GetValue(explain), parse.GetValue(all));
                if (coming is { } h)
                {
                    cx.Console.WriteLine();
                    TextReport.WriteHorizon(cx.Console, h.Items, assessment, h.Until - instant, loaded.Profile!.Calendar.Zone);
                }
            }
            return 0;
        });
        return command;
    }

    public static Command Test(CliContext cx)
    {
        var paths = new Argument<string[]>("path") { Description = "Test files or folders (default: profiles/tests).", Arity = ArgumentArity.ZeroOrMore };
        var coverage = new Option<string[]>("--coverage") { Description = "Also list the obligations and rungs of these profiles that no test case covers.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("test", "Run YAML test cases; the last line is 'N passed, N failed'.");
        command.Arguments.Add(paths);
        command.Options.Add(coverage);
        command.SetAction(parse =>
        {
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : [Path.Combine("profiles", "tests")];
            var missing = given.Where(x => !File.Exists(x) && !Directory.Exists(x)).ToList();
            foreach (var m in missing) cx.Error.WriteLine($"{m}: error: no such file or folder");
            var files = TestCaseLoader.Discover(given.Except(missing));
            int passed = 0, failed = missing.Count;
            var mentioned = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var profiles = new Dictionary<string, ProfileLoadResult>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var (cases, diagnostics) = TestCaseLoader.LoadFile(file);
                foreach (var d in diagnostics) cx.Error.WriteLine(d.ToString());
                failed += diagnostics.Count;
                foreach (var test in cases)
                {
                    var key = Path.GetFullPath(test.File) + "|" + test.Profile;
                    if (!profiles.TryGetValue(key, out var loaded)) profiles[key] = loaded = TestRunner.ResolveProfile(test);
                    if (!loaded.IsValid)
                    {
                        failed++;
                        cx.Out.WriteLine($"FAIL {test}: profile '{test.Profile}' is not valid");
                        foreach (var d in loaded.Diagnostics.Take(20)) cx.Out.WriteLine($"     {d}");
                        continue;
                    }
                    var outcome = TestRunner.Run(test, loaded.Profile!);
                    var set = mentioned.TryGetValue(loaded.Profile!.Metadata.Id, out var s) ? s : mentioned[loaded.Profile.Metadata.Id] = new HashSet<string>(StringComparer.Ordinal);
                    set.UnionWith(test.Expect.Mentions());
                    if (outcome.Passed) { passed++; continue; }
                    failed++;
                    cx.Out.WriteLine($"FAIL {test}");
                    foreach (var f in outcome.Failures) cx.Out.WriteLine($"     {f}");
                }
            }
            var uncovered = 0;
            foreach (var id in parse.GetValue(coverage) ?? [])
            {
                var loaded = profiles.Values.FirstOrDefault(x => x.Profile?.Metadata.Id == id) ?? ProfileCatalog.Shipped.Resolve(id);
                if (!loaded.IsValid) { cx.Error.WriteLine($"coverage: profile '{id}' is not valid"); failed++; continue; }
                var seen = mentioned.GetValueOrDefault(loaded.Profile!.Metadata.Id) ?? [];
                var items = loaded.Profile.Obligations.Select(o => ("obligation", o.Id))
                    .Concat(loaded.Profile.Ladders.SelectMany(l => l.Rungs).Select(r => ("rung", r.Id))).ToList();
                var missingItems = items.Where(i => !seen.Contains(i.Item2)).ToList();
                uncovered += missingItems.Count;
                cx.Out.WriteLine($"coverage {loaded.Profile.Metadata.Id}: {items.Count - missingItems.Count} of {items.Count} obligations and rungs covered");
                foreach (var (kind, itemId) in missingItems) cx.Out.WriteLine($"  not covered: {kind} {itemId}");
            }
            cx.Out.WriteLine($"{passed} passed, {failed} failed");
            return failed > 0 || uncovered > 0 ? 1 : 0;
        });
        return command;
    }

    public static Command Compare(CliContext cx)
    {
        var caseFile = new Option<string>("--case") { Description = "The case file (JSON).", Required = true };
        var at = new Option<string>("--at") { Description = "Evaluation instant, ISO-8601 with offset.", Required = true };
        var profiles = new Option<string[]>("--profile") { Description = "Profiles to compare (default: every shipped profile).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--output") { Description = "Write the markdown to this file instead of standard output." };
        var compareAsAt = new Option<bool>("--as-at") { Description = "Assess the case as it stood at --at: records dated after it are ignored instead of being errors." };
        var command = new Command("compare", "Evaluate one case under several profiles and print a markdown comparison.");
        command.Options.Add(caseFile);
        command.Options.Add(at);
        command.Options.Add(profiles);
        command.Options.Add(output);
        command.Options.Add(compareAsAt);
        command.SetAction(parse =>
        {
            if (!CaseReader.TryParseInstant(parse.GetValue(at)!, out var instant))
            {
                cx.Error.WriteLine("error: --at is not an ISO-8601 instant with an offset, e.g. 2025-03-30T12:00:00Z");
                return 2;
            }
            var path = parse.GetValue(caseFile)!;
            string json;
            try { json = File.ReadAllText(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                cx.Error.WriteLine($"{path}: error: cannot read the case file: {e.Message}");
                return 1;
            }
            var ids = parse.GetValue(profiles) is { Length: > 0 } given ? given : ProfileCatalog.Shipped.Ids.ToArray();
            var markdown = Comparison.Markdown(json, path, instant, cx.Clock.GetCurrentInstant(),
                parse.GetValue(compareAsAt) ? RecordsAfterAt.Ignored : RecordsAfterAt.Errors, ids, out var errors);
            foreach (var e in errors) cx.Error.WriteLine($"error: {e}");
            if (errors.Count > 0) return 1;
            if (parse.GetValue(output) is { } file) File.WriteAllText(file, markdown);
            else cx.Out.Write(markdown);
            return 0;
        });
        return command;
    }

    internal static string Esc(string s) => Markup.Escape(s);

    /// <summary>When a rung's meeting is due, in words: its local due time, "a decision" where one is asked for, else "untimed".</summary>
    internal static string DueText(EscalationResult e) =>
        e.Due?.Local ?? (e.Status == ObligationStatus.DecisionRequired || e.Nature == Nature.Consider ? "a decision" : "untimed");

    /// <summary>True for a caseload file: a JSON object with a top-level "children" list.</summary>
    private static bool IsCaseload(string json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("children", out _);
        }
        catch (System.Text.Json.JsonException)
        {
            return false; // the case reader reports the syntax error with its position
        }
    }
}
