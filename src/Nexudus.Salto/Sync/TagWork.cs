using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>The tag changes one site needs: numbers to assign, per customer, and stored assignments to undo.</summary>
internal sealed class TagWork
{
    public List<(long CustomerId, string Number)> ToAssign { get; } = [];

    public List<TagAssignment> ToUnassign { get; } = [];

    public bool IsEmpty => ToAssign.Count == 0 && ToUnassign.Count == 0;
}
