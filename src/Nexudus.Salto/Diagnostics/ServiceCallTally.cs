namespace Nexudus.Salto.Diagnostics;

/// <summary>Calls counted for one operation; safe to add to from several threads.</summary>
internal sealed class ServiceCallTally
{
    private int _nexudusReads;
    private int _nexudusWrites;
    private int _saltoReads;
    private int _saltoWrites;

    public int NexudusReads => Volatile.Read(ref _nexudusReads);

    public int NexudusWrites => Volatile.Read(ref _nexudusWrites);

    public int SaltoReads => Volatile.Read(ref _saltoReads);

    public int SaltoWrites => Volatile.Read(ref _saltoWrites);

    public void Add(CountedService service, bool write)
    {
        switch (service, write)
        {
            case (CountedService.Nexudus, false):
                Interlocked.Increment(ref _nexudusReads);
                break;
            case (CountedService.Nexudus, true):
                Interlocked.Increment(ref _nexudusWrites);
                break;
            case (_, false):
                Interlocked.Increment(ref _saltoReads);
                break;
            default:
                Interlocked.Increment(ref _saltoWrites);
                break;
        }
    }
}
