using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Apt;

/// <summary>The apt-get command line of a change: install (of packages or a .deb file), remove, autoremove or a whole-system upgrade, with every option the request asks for.</summary>
internal static class AptCommands
{
    public static string Change(AptRequest request, AptChanges changes)
    {
        var options = new List<string> { AptShell.AptGet(request.LockTimeout) };
        options.AddRange(request.DpkgOptions.Select(o => "-o " + ShellQuote.Quote("Dpkg::Options::=--" + o)));
        var commands = new List<string>();
        if (changes.Install.Count > 0 || changes.Deb is not null)
        {
            var install = new List<string>(options);
            if (request.InstallRecommends is { } recommends)
            {
                install.Add(recommends ? "-o APT::Install-Recommends=true" : "--no-install-recommends");
            }

            if (request.AllowDowngrade)
            {
                install.Add("--allow-downgrades");
            }

            if (request.OnlyUpgrade)
            {
                install.Add("--only-upgrade");
            }

            if (request.DefaultRelease is { } release)
            {
                install.Add("-t " + ShellQuote.Quote(release));
            }

            if (request.Autoremove)
            {
                install.Add("--auto-remove");
            }

            if (changes.Deb is { } deb)
            {
                install.Add("install \"$__deb\"");
                return deb.Install(request.LockTimeout, string.Join(' ', install));
            }

            install.Add("install " + ShellQuote.Join(changes.Install));
            commands.Add(string.Join(' ', install));
        }

        if (changes.Remove.Count > 0)
        {
            var remove = new List<string>(options);
            if (request.Purge)
            {
                remove.Add("--purge");
            }

            if (request.Autoremove)
            {
                remove.Add("--auto-remove");
            }

            remove.Add("remove " + ShellQuote.Join(changes.Remove));
            commands.Add(string.Join(' ', remove));
        }

        if (changes.Upgrade is { } upgrade)
        {
            commands.Add(string.Join(' ', options) + " " + UpgradeOptions(request) + upgrade);
        }

        if (changes.Autoremove.Count > 0)
        {
            commands.Add(string.Join(' ', options) + (request.Purge ? " --purge" : "") + " autoremove");
        }

        return AptShell.Script(request.LockTimeout, [.. commands]);
    }

    /// <summary>The options a whole-system upgrade is simulated and run with, each followed by a space.</summary>
    public static string UpgradeOptions(AptRequest request) =>
        (request.AllowDowngrade ? "--allow-downgrades " : "") +
        (request.DefaultRelease is { } release ? "-t " + ShellQuote.Quote(release) + " " : "") +
        (request.Autoremove ? "--auto-remove " : "");
}
