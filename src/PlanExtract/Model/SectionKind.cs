namespace PlanExtract.Model;

public enum SectionKind
{
    /// <summary>主要目标, 主要指标, 总体目标.</summary>
    Goal,
    /// <summary>策略措施.</summary>
    Measure,
    /// <summary>重点工程 / 重点项目.</summary>
    Project,
    /// <summary>前言, 指导思想, 基本原则, 组织实施, 监测评估 and anything else.</summary>
    Other,
}

public static class SectionKindNames
{
    public static string ToContractName(this SectionKind kind) => kind switch
    {
        SectionKind.Goal => "goal",
        SectionKind.Measure => "measure",
        SectionKind.Project => "project",
        _ => "other",
    };

    public static SectionKind? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "goal" => SectionKind.Goal,
        "measure" => SectionKind.Measure,
        "project" => SectionKind.Project,
        "other" => SectionKind.Other,
        _ => null,
    };
}
