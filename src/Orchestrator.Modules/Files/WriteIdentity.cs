using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestrator.Modules.Files;

/// <summary>
/// What <see cref="RemoteProbe.AddWriteIdentity"/> learnt: for a new file the writing user's umask, ids and names
/// (what the file gets when nothing else is asked for), and the ids and names of a wanted owner and group. Each is
/// null when it was not asked for or could not be found.
/// </summary>
internal sealed partial record WriteIdentity
{
    public static WriteIdentity None { get; } = new();

    public int? Umask { get; init; }

    public HostAccount? Writer { get; init; }

    public HostAccount? WriterGroup { get; init; }

    public HostAccount? Owner { get; init; }

    public HostAccount? Group { get; init; }

    /// <summary>The lines "M umask", "I id", "O id OWNER", "G getent group GROUP" (any may be missing).</summary>
    public static WriteIdentity Parse(string record)
    {
        var identity = None;
        foreach (var line in record.Split('\n'))
        {
            var text = line.Length > 2 ? line[2..] : "";
            identity = line switch
            {
                ['M', ' ', ..] when Octal(text.Trim()) is { } umask => identity with { Umask = umask },
                ['I', ' ', ..] => identity with { Writer = IdPart(text, "uid"), WriterGroup = IdPart(text, "gid") },
                ['O', ' ', ..] => identity with { Owner = IdPart(text, "uid") },
                ['G', ' ', ..] => identity with { Group = GroupEntry(text) },
                _ => identity,
            };
        }

        return identity;
    }

    private static int? Octal(string text) =>
        text.Length is > 0 and <= 4 && text.All(c => c is >= '0' and <= '7') ? Convert.ToInt32(text, 8) : null;

    // id's "uid=33(www-data) gid=33(www-data) groups=...": the number and the name in brackets (missing for an id
    // without a name, which then is the number, as Ansible reports it).
    private static HostAccount? IdPart(string text, string key)
    {
        var match = IdPattern().Match(text);
        while (match.Success && match.Groups["key"].Value != key)
        {
            match = match.NextMatch();
        }

        return match.Success && long.TryParse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new HostAccount(id, match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["id"].Value)
            : null;
    }

    // getent's "www-data:x:33:member,...".
    private static HostAccount? GroupEntry(string text)
    {
        var fields = text.Split(':');
        return fields.Length >= 3 && fields[0].Length > 0 && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new HostAccount(id, fields[0])
            : null;
    }

    [GeneratedRegex(@"(?<key>[a-z]+)=(?<id>[0-9]+)(\((?<name>[^)]*)\))?")]
    private static partial Regex IdPattern();
}
