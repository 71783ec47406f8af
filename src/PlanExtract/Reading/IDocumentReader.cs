using PlanExtract.Model;

namespace PlanExtract.Reading;

/// <summary>Turns one file into source blocks in reading order. Throws <see cref="DocumentReadException"/> on unreadable input.</summary>
public interface IDocumentReader
{
    /// <summary>File extensions this reader takes, lower case with the dot.</summary>
    IReadOnlyList<string> Extensions { get; }

    IReadOnlyList<SourceBlock> Read(string path);
}
