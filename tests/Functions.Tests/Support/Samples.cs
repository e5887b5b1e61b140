namespace Reintegration.Functions.Tests.Support;

/// <summary>The real payloads in ../shared/samples (beside the repository), read as they are.</summary>
public static class Samples
{
    public static string Folder
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Reintegration.Serverless.sln")))
            {
                directory = directory.Parent;
            }

            var folder = Path.Combine(directory?.Parent?.FullName ?? throw new InvalidOperationException("Repository root not found."), "shared", "samples");
            return Directory.Exists(folder) ? folder : throw new InvalidOperationException($"The shared samples are missing: expected {folder} beside the repository.");
        }
    }

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Folder, name));
}
