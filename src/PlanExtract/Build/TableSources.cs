using PlanExtract.Corpus;
using PlanExtract.Model;
using PlanExtract.Reporting;

namespace PlanExtract.Build;

/// <summary>The tables <c>table</c> shows, and why it read every plan when it did although a build was there.</summary>
/// <param name="Note">Said when the plans were read while a build's records were there or named: what kept them from use.</param>
public sealed record TablesRead(CorpusTableSet Set, string? Note);

/// <summary>
/// Where <c>table</c> takes the corpus from: the records the last build wrote when they are current
/// for the corpus (a country's plans read again cost 45 s and over 1 GB at 3,200 documents), else
/// every plan read again. The two give the same tables.
/// </summary>
public static class TableSources
{
    /// <param name="outputFolder">The build output whose records may stand in for the plans; null for none.</param>
    /// <param name="outputNamed">The user named that output: one that cannot be used is said even when it holds no build (a mistyped folder).</param>
    public static TablesRead Read(CorpusLayout corpus, string? outputFolder, bool outputNamed, PlanKind? plan, TableFilter filter)
    {
        string? note = null;
        if (outputFolder is not null)
        {
            var (results, notCurrent) = BuiltRecords.LoadIfCurrent(corpus, outputFolder, plan);
            if (results is not null)
            {
                return new TablesRead(CorpusTables.Build(corpus, results, plan, filter), null);
            }

            // Said when there is a build to speak of or the user named one: otherwise reading the
            // plans is simply how table works.
            if (outputNamed || File.Exists(new OutputLayout(outputFolder).Records))
            {
                note = $"reading every plan: {notCurrent}; run build to make table read its records";
            }
        }

        return new TablesRead(CorpusTables.Build(corpus, plan, filter), note);
    }
}
