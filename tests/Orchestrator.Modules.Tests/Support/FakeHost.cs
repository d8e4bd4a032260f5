using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Orchestrator.Core.Transport;
using Orchestrator.Modules.Commands;

namespace Orchestrator.Modules.Tests.Support;

/// <summary>
/// A transport over an in-memory filesystem: answers the modules' probe commands from <see cref="Files"/>,
/// applies uploads to it, records every request, and answers other commands with <see cref="OnCommand"/> (rc 0 by default).
/// </summary>
public sealed class FakeHost : ITransport
{
    private const string RecordsMarker = ": records\n";
    private const string RecordEnd = "; printf '\\0'\n";
    private const string RealPathSnippet = "{ if [ -L ";
    private const string CatCommand = "|| cat -- ";

    public Dictionary<string, FakeEntry> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Every command, probes included, in order.</summary>
    public List<CommandRequest> Commands { get; } = [];

    public List<FileUpload> Uploads { get; } = [];

    public List<string> Fetches { get; } = [];

    public Func<CommandRequest, CommandResult>? OnCommand { get; set; }

    /// <summary>Answers shell snippets inside a probe (e.g. file's recursive listing).</summary>
    public Func<string, string> OnSnippet { get; set; } = _ => "";

    public string HostName => "fake";

    public int RoundTrips => Commands.Count + Uploads.Count + Fetches.Count;

    public IEnumerable<string> ActionCommands => Commands.Where(c => !IsProbe(c)).Select(c => c.Command);

    public Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        Commands.Add(request);
        if (IsProbe(request))
        {
            return Task.FromResult(new CommandResult(0, AnswerProbe(request.Command), []));
        }

        return Task.FromResult(OnCommand?.Invoke(request) ?? new CommandResult(0, [], []));
    }

    public Task PutFileAsync(FileUpload upload, CancellationToken cancellationToken)
    {
        Uploads.Add(upload);
        var old = Find(upload.Path, follow: true);
        Files[upload.Path] = new FakeEntry
        {
            Bytes = upload.Content,
            Mode = upload.Mode ?? old?.Mode ?? "0644",
            Owner = upload.Owner ?? old?.Owner ?? "root",
            Group = upload.Group ?? old?.Group ?? "root",
        };
        return Task.CompletedTask;
    }

    public Task<byte[]?> FetchFileAsync(string path, BecomeOptions? become, CancellationToken cancellationToken)
    {
        Fetches.Add(path);
        return Task.FromResult(Find(path, follow: true)?.Data);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static bool IsProbe(CommandRequest request) => request.Command.Contains(RecordEnd, StringComparison.Ordinal);

    private byte[] AnswerProbe(string command)
    {
        var marker = command.IndexOf(RecordsMarker, StringComparison.Ordinal);
        var body = marker >= 0 ? command[(marker + RecordsMarker.Length)..] : command;
        var paths = marker >= 0 ? BatchPaths(command[..marker]) : [];
        var answer = new List<byte>();
        foreach (var question in body.Split(RecordEnd, StringSplitOptions.RemoveEmptyEntries))
        {
            if (question.Contains(CatCommand, StringComparison.Ordinal))
            {
                // The content read after the records (lineinfile's snapshot): raw bytes, no record end.
                var path = CommandWords.Split(question[question.IndexOf(CatCommand, StringComparison.Ordinal)..])[3];
                answer.AddRange(Find(path, follow: true) is { Type: "file" } file ? file.Data : []);
                continue;
            }

            var text = question.StartsWith("__probe ", StringComparison.Ordinal) ? FileRecord(question, paths)
                : question.StartsWith("__ids ", StringComparison.Ordinal) ? WriteIdentity(question, paths)
                : question.StartsWith(RealPathSnippet, StringComparison.Ordinal) ? RealPath(CommandWords.Split(question[2..])[3])
                : OnSnippet(question);
            answer.AddRange(Encoding.UTF8.GetBytes(text + "\0"));
        }

        return [.. answer];
    }

    // The snapshot's real path (readlink -f for a link): links resolved; nothing when the parent folder is missing.
    private string RealPath(string path)
    {
        for (var hops = 0; hops < 10 && Files.GetValueOrDefault(path) is { Type: "link" } link; hops++)
        {
            path = link.Target!.StartsWith('/') ? link.Target : path[..(path.LastIndexOf('/') + 1)] + link.Target;
        }

        var parent = path[..Math.Max(1, path.LastIndexOf('/'))];
        return parent == "/" || Find(parent, follow: true) is { Type: "directory" } ? path + "\n" : "";
    }

    // The batch's "__p<n>=PATH" lines: a question names its path as "$__p<n>".
    private static Dictionary<string, string> BatchPaths(string batches) =>
        batches.Split('\n')
            .Where(line => line.StartsWith("__p", StringComparison.Ordinal) && line.Contains('=', StringComparison.Ordinal))
            .ToDictionary(line => "$" + line[..line.IndexOf('=', StringComparison.Ordinal)], line => CommandWords.Split(line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..])[0]);

    private string FileRecord(string question, Dictionary<string, string> paths)
    {
        var words = CommandWords.Split(question);
        var (path, follow, algorithm) = (paths.GetValueOrDefault(words[1], words[1]), words[2] == "1", words[3]);
        var entry = Find(path, follow);
        if (entry is null)
        {
            return "A";
        }

        var type = entry.Type switch { "directory" => 0x4000, "link" => 0xA000, _ => 0x8000 };
        var permissions = Convert.ToInt32(entry.Mode, 8);
        var raw = (type | permissions).ToString("x", CultureInfo.InvariantCulture);
        var record = new StringBuilder(string.Create(
            CultureInfo.InvariantCulture,
            $"S {raw} {Convert.ToString(permissions, 8)} {entry.Uid} {entry.Gid} {entry.Owner} {entry.Group} {entry.Data.Length} 1700000000 1700000000 1700000000 42 1 2049\n"));
        record.Append(entry.Type == "directory" ? "P rwx\n" : "P rw-\n");
        if (algorithm.Length > 0 && entry.Type == "file")
        {
            record.Append("C ").Append(Checksum(algorithm, entry.Data)).Append('\n');
        }

        if (entry.Type == "link")
        {
            record.Append('L').Append(entry.Target).Append('\n');
        }

        return record.ToString();
    }

    // __ids KIND PATH FOLDER OWNER GROUP, as the session function answers it, with FakeAccounts' users and groups.
    private string WriteIdentity(string question, Dictionary<string, string> paths)
    {
        var words = CommandWords.Split(question);
        var (entry, folder, owner, group) = (Find(paths[words[2]], follow: true), Find(paths[words[3]], follow: true), words[4], words[5]);
        if (entry is { Type: "directory" } || folder is { Type: not "directory" })
        {
            return "";
        }

        var answer = new StringBuilder();
        if (entry is null)
        {
            answer.Append(CultureInfo.InvariantCulture, $"M {FakeAccounts.Umask}\nI {FakeAccounts.Id("root")}\n");
        }

        if (owner.Length > 0 && (entry is null || (owner != entry.Owner && owner != entry.Uid.ToString(CultureInfo.InvariantCulture))))
        {
            answer.Append(CultureInfo.InvariantCulture, $"O {FakeAccounts.Id(owner)}\n");
        }

        if (group.Length > 0 && (entry is null || (group != entry.Group && group != entry.Gid.ToString(CultureInfo.InvariantCulture))))
        {
            answer.Append(CultureInfo.InvariantCulture, $"G {FakeAccounts.Group(group)}\n");
        }

        return answer.ToString();
    }

    private FakeEntry? Find(string path, bool follow)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            var entry = Files.GetValueOrDefault(path) ?? (Files.Keys.Any(k => k.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal)) ? FakeEntry.Directory() : null);
            if (entry is null || entry.Type != "link" || !follow)
            {
                return entry;
            }

            path = entry.Target!.StartsWith('/') ? entry.Target : path[..(path.LastIndexOf('/') + 1)] + entry.Target;
        }

        return null;
    }

    private static string Checksum(string algorithm, byte[] data) => Convert.ToHexStringLower(algorithm switch
    {
        "md5" => MD5.HashData(data),
        "sha256" => SHA256.HashData(data),
        _ => SHA1.HashData(data),
    });
}
