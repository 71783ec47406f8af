using System.CommandLine;
using System.Text;
using PlanExtract.Extraction;
using PlanExtract.Reporting;

namespace PlanExtract.Cli;

/// <summary><c>explain FILE</c>: every number in the goal, measure and project items, and what became of it.</summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter stdout)
    {
        var file = new Argument<string>("FILE") { Description = "A plan document: .txt, .md, .docx or .pdf." };
        var format = new Option<string>("--format") { Description = "jsonl (one number per line) or text (to read).", DefaultValueFactory = _ => "jsonl" };
        format.OneOf("jsonl", "text");
        var command = new Command("explain", "List every number in a document's goal, measure and project items with its fate: target, year, item_number, qualifier, past, name or unread.")
        {
            file, format,
        };
        command.SetAction(parse =>
        {
            var document = Pipeline.Default.Read(parse.GetValue(file)!);
            var numbers = new NumberAudit().Audit(document);
            if (parse.GetValue(format) == "text")
            {
                NumberAuditOutput.WriteText(stdout, numbers);
            }
            else
            {
                using var buffer = new MemoryStream();
                NumberAuditOutput.WriteJsonLines(buffer, numbers);
                stdout.Write(Encoding.UTF8.GetString(buffer.ToArray()));
            }

            stdout.Flush();
            return Cli.Ok;
        });
        return command;
    }
}
