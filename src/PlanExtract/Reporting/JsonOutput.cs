using System.Text.Json;
using PlanExtract.Corpus;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>Writes target records (the contract's keys, in its order) and the document tree as JSON.</summary>
public static class JsonOutput
{
    /// <summary>One record per line, UTF-8 without BOM.</summary>
    public static void WriteJsonLines(Stream stream, IEnumerable<Target> targets)
    {
        // One writer for every line, reset after each: a writer per line grew a new buffer for each
        // record, 6% of what a country build allocated (docs/PERFORMANCE.md).
        using var writer = new Utf8JsonWriter(stream, RecordJson.Compact);
        foreach (var target in targets)
        {
            WriteTarget(writer, target);
            writer.Flush();
            writer.Reset();
            stream.WriteByte((byte)'\n');
        }
    }

    public static void WriteTarget(Utf8JsonWriter w, Target t)
    {
        w.WriteStartObject();
        w.WriteString("district", t.District);
        w.WriteString("plan", t.Plan);
        w.WriteString("domain", t.Domain);
        w.WriteString("section", t.Section);
        w.WriteString("item", t.Item);
        w.WriteString("indicator", t.Indicator);
        w.WriteString("indicator_id", t.IndicatorId);
        w.WriteString("comparator", t.Comparator);
        w.WriteString("value", t.Value);
        w.WriteString("unit", t.Unit);
        w.WriteNumberOrNull("year", t.Year);
        w.WriteString("basis", t.Basis);
        w.WriteString("population", t.Population);
        w.WriteString("text", t.Text);
        w.WriteString("source", t.Source);
        w.WriteNumberOrNull("line", t.Line);
        w.WriteNumberOrNull("page", t.Page);
        w.WriteEndObject();
    }

    /// <summary>The whole tree, in the shape the contract gives for <c>extract --format json</c>.</summary>
    public static void WriteTree(Stream stream, PlanDocument document)
    {
        using var w = new Utf8JsonWriter(stream, RecordJson.Indented);
        w.WriteStartObject();
        w.WriteString("source", document.Source);
        w.WriteString("district", document.District);
        w.WriteStartArray("plans");
        foreach (var plan in document.Plans)
        {
            w.WriteStartObject();
            w.WriteString("plan", plan.Kind.ToContractName());
            w.WriteString("title", plan.Title);
            w.WriteNumberOrNull("line", plan.Span.Line);
            w.WriteNumberOrNull("page", plan.Span.Page);
            w.WriteStartArray("sections");
            foreach (var section in plan.Sections)
            {
                WriteSection(w, section);
            }

            w.WriteEndArray();
            w.WriteStartArray("domains");
            foreach (var domain in plan.Domains)
            {
                w.WriteStartObject();
                w.WriteString("name", domain.Name);
                w.WriteNumberOrNull("line", domain.Span.Line);
                w.WriteNumberOrNull("page", domain.Span.Page);
                w.WriteStartArray("sections");
                foreach (var section in domain.Sections)
                {
                    WriteSection(w, section);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("projects");
            foreach (var item in plan.Projects)
            {
                WriteItem(w, item);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteSection(Utf8JsonWriter w, Section section)
    {
        w.WriteStartObject();
        w.WriteString("kind", section.Kind.ToContractName());
        w.WriteString("heading", section.Heading);
        w.WriteStartArray("items");
        foreach (var item in section.Items)
        {
            WriteItem(w, item);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter w, Item item)
    {
        w.WriteStartObject();
        w.WriteString("number", item.Number);
        w.WriteString("text", item.Text);
        w.WriteNumberOrNull("line", item.Span.Line);
        w.WriteNumberOrNull("page", item.Span.Page);
        w.WriteStartArray("targets");
        foreach (var target in item.Targets)
        {
            WriteTarget(w, target);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
