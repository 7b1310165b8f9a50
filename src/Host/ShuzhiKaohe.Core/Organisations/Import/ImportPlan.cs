namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>What happens to each row of a valid import.</summary>
internal enum RowAction : byte { Insert, Update, Reactivate, Unchanged }

/// <summary>The validated import: an action per row and the organisations to mark dissolved.</summary>
internal sealed record ImportPlan(RowAction[] Actions, IReadOnlyList<string> ToDissolve, bool EmptyTable)
{
    private readonly int[] _counts = CountEach(Actions);

    /// <summary>How many rows take the action.</summary>
    public int Count(RowAction action) => _counts[(int)action];

    /// <summary>All four counts in one pass over the actions (665,276 for the real tree).</summary>
    private static int[] CountEach(RowAction[] actions)
    {
        var counts = new int[4];
        foreach (var a in actions) counts[(int)a]++;
        return counts;
    }
}
