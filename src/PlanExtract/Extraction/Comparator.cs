namespace PlanExtract.Extraction;

/// <summary>The contract's comparators, typed once (the record carries their names).</summary>
public static class Comparator
{
    public const string Equal = "=";
    public const string AtLeast = ">=";
    public const string AtMost = "<=";
    public const string Above = ">";
    public const string Below = "<";
    public const string About = "~";
    public const string Up = "up";
    public const string Down = "down";
    public const string UpBy = "up_by";
    public const string DownBy = "down_by";
}
