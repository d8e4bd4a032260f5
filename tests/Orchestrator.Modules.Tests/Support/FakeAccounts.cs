using System.Globalization;

namespace Orchestrator.Modules.Tests.Support;

/// <summary>
/// The users and groups of a <see cref="FakeHost"/>, answered as <c>id</c> and <c>getent group</c> print them; the
/// writing user is root with umask 0022.
/// </summary>
public static class FakeAccounts
{
    public const string Umask = "0022";

    private static readonly Dictionary<string, (long Uid, long Gid)> Users = new(StringComparer.Ordinal)
    {
        ["root"] = (0, 0),
        ["www-data"] = (33, 33),
        ["deploy"] = (1000, 1000),
    };

    private static readonly Dictionary<string, long> Groups = new(StringComparer.Ordinal)
    {
        ["root"] = 0,
        ["adm"] = 4,
        ["www-data"] = 33,
        ["staff"] = 50,
        ["deploy"] = 1000,
    };

    /// <summary><c>id NAME</c> (a name or a number); empty when there is no such user.</summary>
    public static string Id(string user)
    {
        var found = Users.FirstOrDefault(u => u.Key == user || u.Value.Uid.ToString(CultureInfo.InvariantCulture) == user);
        if (found.Key is null)
        {
            return "";
        }

        var group = Groups.First(g => g.Value == found.Value.Gid).Key;
        return string.Create(CultureInfo.InvariantCulture, $"uid={found.Value.Uid}({found.Key}) gid={found.Value.Gid}({group}) groups={found.Value.Gid}({group})");
    }

    /// <summary><c>getent group NAME</c> (a name or a number); empty when there is no such group.</summary>
    public static string Group(string group)
    {
        var found = Groups.FirstOrDefault(g => g.Key == group || g.Value.ToString(CultureInfo.InvariantCulture) == group);
        return found.Key is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{found.Key}:x:{found.Value}:");
    }
}
