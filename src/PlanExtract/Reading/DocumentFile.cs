namespace PlanExtract.Reading;

/// <summary>File access that turns I/O failures into the project's error, naming the file.</summary>
public static class DocumentFile
{
    public static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new DocumentReadException(path, "no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new DocumentReadException(path, "no such file");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DocumentReadException(path, Directory.Exists(path) ? "is a directory, not a file" : "permission denied", e);
        }
        catch (IOException e)
        {
            throw new DocumentReadException(path, e.Message, e);
        }
    }
}
