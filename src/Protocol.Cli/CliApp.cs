using System.CommandLine;
using NodaTime;
using Spectre.Console;

namespace Protocol.Cli;

/// <summary>
/// The <c>protocol</c> command. Exit codes: 0 ok, 1 invalid input or failed checks, 2 usage error.
/// No exception escapes as a crash: anything unexpected is reported in one line, without case data.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the command line, writing to the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IClock? clock = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected) console.Profile.Width = 200;
        var context = new CliContext(console, stdout, stderr, clock ?? SystemClock.Instance);
        var root = new RootCommand("protocol: children missing from home and care protocols as executable, testable rules.");
        root.Subcommands.Add(Commands.Profiles(context));
        root.Subcommands.Add(Commands.Validate(context));
        root.Subcommands.Add(Commands.Evaluate(context));
        root.Subcommands.Add(Commands.Test(context));
        root.Subcommands.Add(Commands.Compare(context));
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors) stderr.WriteLine($"error: {error.Message}");
                stderr.WriteLine("Run 'protocol --help' for usage.");
                return 2;
            }
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // Only the exception type: a message from the runtime or a library could quote input (a key, a value).
            stderr.WriteLine($"error: unexpected failure ({e.GetType().Name}); details are withheld because they could contain case data");
            return 1;
        }
    }
}

/// <summary>What every command needs.</summary>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Out, TextWriter Error, IClock Clock);
