using System.CommandLine;
using PlanExtract.Reading;

namespace PlanExtract.Cli;

/// <summary><c>--max-document-mb</c>: the read limits of build, extract, add and check, raised for a genuine large document.</summary>
internal static class LimitsOption
{
    // A document is read into one byte array, which .NET caps just under 2 GB.
    private const int Ceiling = 2000;

    public static Option<int> Create()
    {
        var option = new Option<int>("--max-document-mb")
        {
            Description = $"The largest document to read, in MB (default {ReadLimits.DefaultDocumentMegabytes}); the limits on inflated .docx parts, paragraphs, text and PDF pages scale with it.",
            DefaultValueFactory = _ => ReadLimits.DefaultDocumentMegabytes,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > Ceiling)
            {
                result.AddError($"--max-document-mb must be between 1 and {Ceiling}");
            }
        });
        return option;
    }

    public static ReadLimits Read(ParseResult parse, Option<int> option) => ReadLimits.ForDocumentMegabytes(parse.GetValue(option));
}
