using Nexudus.Salto.Sample;

// Ctrl+C asks the running command to stop; a second Ctrl+C ends the process as usual.
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!stopping.IsCancellationRequested)
    {
        e.Cancel = true;
        stopping.Cancel();
    }
};

return await SampleApp.RunAsync(args, Console.Out, Console.Error, stopping.Token);
