namespace Nexudus.Salto.Diagnostics;

/// <summary>The services whose calls <see cref="ServiceCallCounter"/> counts.</summary>
internal enum CountedService
{
    Nexudus = 0,
    SaltoKs = 1,
}
