namespace PlanExtract.Model;

/// <summary>One paragraph or line of a document as a reader found it, with where it stands.</summary>
/// <param name="Text">The text as written (markup such as Markdown heading marks may remain).</param>
/// <param name="Line">1-based line in a .txt/.md file, paragraph number in a .docx; null in a .pdf.</param>
/// <param name="Page">1-based page in a .pdf; null otherwise.</param>
public sealed record SourceBlock(string Text, int? Line, int? Page);
