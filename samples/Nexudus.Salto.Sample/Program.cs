using System.Runtime.InteropServices;
using Nexudus.Salto.Sample;

// Ctrl+C (SIGINT) and SIGTERM ask the running command to stop: it ends at its next step with a one-line message and the
// conventional exit code (130 after SIGINT, 143 after SIGTERM). A second signal ends the process at once, as usual.
using var stopping = new CancellationTokenSource();
var signalExitCode = 0;
void Stop(PosixSignalContext context, int exitCode)
{
    if (Interlocked.CompareExchange(ref signalExitCode, exitCode, 0) == 0)
    {
        context.Cancel = true;
        stopping.Cancel();
    }
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, ExitCodes.Interrupted));
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, ExitCodes.Terminated));

// Each command runs in a generic host wired by SampleApp.AddIntegration (AddSaltoIntegration and the state store): the
// same registration as samples/QuickStart, the code to copy into a host of your own.
var exitCode = await SampleApp.RunAsync(args, Console.Out, Console.Error, stopping.Token);
return Volatile.Read(ref signalExitCode) is var signalled and not 0 ? signalled : exitCode;
