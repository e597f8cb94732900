using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Nexudus.Salto.Sample.Output;

/// <summary>
/// The command's output: tables and progress on an interactive terminal, the same tables as plain text
/// (no colour, no spinner) when stdout is redirected, and one-line errors on stderr.
/// </summary>
internal sealed class SampleConsole
{
    // Redirected output goes to files and CI logs, where a row kept on one line can be searched; tables are
    // only as wide as their content, so this is a ceiling, not a width.
    private const int RedirectedWidth = 400;

    private SampleConsole(IAnsiConsole console, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        Ansi = console;
        Out = stdout;
        Error = stderr;
        IsInteractive = interactive;
    }

    /// <summary>Gets the console tables and text are written to.</summary>
    /// <value>A Spectre console over stdout.</value>
    public IAnsiConsole Ansi { get; }

    /// <summary>Gets stdout itself, for machine-readable output (JSON, CSV).</summary>
    /// <value>The command's stdout.</value>
    public TextWriter Out { get; }

    /// <summary>Gets stderr, for errors and reasons.</summary>
    /// <value>The command's stderr.</value>
    public TextWriter Error { get; }

    /// <summary>Gets whether stdout is a terminal a person is watching (spinners, colour).</summary>
    /// <value><see langword="true"/> only for the process's own, unredirected stdout.</value>
    public bool IsInteractive { get; }

    /// <summary>Creates the output over the given writers.</summary>
    /// <param name="stdout">Where the command's output goes.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The output.</returns>
    public static SampleConsole Create(TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return new SampleConsole(console, stdout, stderr, terminal);
    }

    /// <summary>Writes a heading for a step of the story.</summary>
    /// <param name="title">Plain text.</param>
    public void Heading(string title)
    {
        Ansi.WriteLine();
        if (IsInteractive)
        {
            Ansi.Write(new Rule(Markup.Escape(title)) { Justification = Justify.Left });
        }
        else
        {
            // A rule would run the full ceiling width in a file; a marked line reads and searches better.
            Ansi.WriteLine($"== {title}");
        }
    }

    /// <summary>Writes a line of plain text (never read as markup).</summary>
    /// <param name="text">The text.</param>
    public void Line(string text = "") => Ansi.WriteLine(text);

    /// <summary>Writes a line of Spectre markup; every value in it must be escaped by the caller.</summary>
    /// <param name="markup">The markup.</param>
    public void WriteMarkup(string markup) => Ansi.MarkupLine(markup);

    /// <summary>Writes a table, chart or other renderable.</summary>
    /// <param name="renderable">What to write.</param>
    public void Write(IRenderable renderable) => Ansi.Write(renderable);

    /// <summary>Writes a one-line error to stderr.</summary>
    /// <param name="message">The reason; never a secret.</param>
    public void Fail(string message) => Error.WriteLine(message);

    /// <summary>Runs a long step, with a spinner on a terminal and a start and end line otherwise.</summary>
    /// <typeparam name="T">The step's result.</typeparam>
    /// <param name="title">What the step does.</param>
    /// <param name="work">The step.</param>
    /// <returns>The step's result.</returns>
    public async Task<T> StepAsync<T>(string title, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var clock = Stopwatch.StartNew();
        T result;
        if (IsInteractive)
        {
            result = await Ansi.Status().StartAsync(Markup.Escape(title) + "…", _ => work());
        }
        else
        {
            Ansi.WriteLine($"… {title}");
            result = await work();
        }

        Ansi.MarkupLine($"[green]✓[/] {Markup.Escape(title)} [grey]({clock.ElapsedMilliseconds:N0} ms)[/]");
        return result;
    }

    /// <summary>Makes a plain-text table cell, so customer-provided names are never read as markup.</summary>
    /// <param name="text">The text; <see langword="null"/> shows as empty.</param>
    /// <returns>The cell.</returns>
    public static Text Cell(string? text) => new(text ?? string.Empty);
}
