namespace PlanExtract.Model;

public enum PlanKind
{
    Women,
    Children,
}

public static class PlanKindNames
{
    public static string ToContractName(this PlanKind kind) => kind == PlanKind.Women ? "women" : "children";

    public static PlanKind? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "women" or "妇女" => PlanKind.Women,
        "children" or "儿童" => PlanKind.Children,
        _ => null,
    };
}
