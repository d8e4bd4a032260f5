using System.Globalization;
using Orchestrator.Core.Transport;
using Orchestrator.Modules.Files;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// Everything apt's plan needs, in one command: is this an apt host, how old are the package lists (and their
/// fingerprint, to tell whether an update changed them), what dpkg has installed, apt-cache policy when versions
/// must be compared, and what autoremove would remove.
/// </summary>
internal sealed class AptProbe
{
    private readonly RemoteProbe probe = new();
    private readonly int hasApt;
    private readonly int? cache;
    private readonly int? installed;
    private readonly int? policy;
    private readonly int? autoremove;
    private readonly int? upgrade;
    private readonly int? deb;
    private readonly string? debSource;

    public AptProbe(AptRequest request, bool diff)
    {
        hasApt = probe.AddShell("command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1 && echo yes");
        if (request.UpdateCache)
        {
            cache = probe.AddShell(
                "m=0; for f in /var/lib/apt/periodic/update-success-stamp /var/cache/apt/pkgcache.bin; do " +
                "if [ -e \"$f\" ]; then t=$(stat -c %Y \"$f\") && [ \"$t\" -gt \"$m\" ] && m=$t; fi; done; " +
                $"echo \"$(date +%s) $m $({AptShell.ListsFingerprint})\"");
        }

        var names = string.Join(' ', request.Packages.Select(p => ShellQuote.Quote(p.Query)).Distinct(StringComparer.Ordinal));
        if (request.Packages.Count > 0)
        {
            installed = probe.AddShell($"dpkg-query -W -f={ShellQuote.Quote(DpkgStatus.Format)} {names} 2>/dev/null; true");
        }

        if (request.NeedsPolicy(diff))
        {
            var release = request.DefaultRelease is { } r ? " -t " + ShellQuote.Quote(r) : "";
            policy = probe.AddShell($"LC_ALL=C apt-cache{release} policy {names} 2>/dev/null; true");
        }

        if (request.Deb is { } file)
        {
            (deb, debSource) = (probe.AddShell(file.Inspect()), file.Source);
        }

        if (request.Upgrade is { } command)
        {
            // apt-get -s needs no root and no lock; its exit status is kept so an apt that cannot plan is an error, not "nothing to do".
            upgrade = probe.AddShell(
                $"{{ LC_ALL=C apt-get -s {AptCommands.UpgradeOptions(request)}{command} 2>&1 || echo \"E: apt-get -s {command} exited $?\"; }} | grep '^\\(Inst \\|Remv \\|E: \\)'; true");
        }
        else if (request.Autoremove && request.Packages.Count == 0)
        {
            autoremove = probe.AddShell("LC_ALL=C apt-get -s autoremove 2>/dev/null | grep '^Remv '; true");
        }
    }

    public async Task<AptFacts> RunAsync(ITransport transport, CancellationToken cancellationToken)
    {
        var answers = await probe.RunAsync(transport, cancellationToken);
        if (answers.Error is not null)
        {
            return new AptFacts { Error = answers.Error };
        }

        if (answers.Text(hasApt).Trim() != "yes")
        {
            return new AptFacts { Error = "apt-get and dpkg-query are not both installed on this host (not a Debian or Ubuntu system?)" };
        }

        var facts = new AptFacts
        {
            Installed = installed is { } i ? DpkgStatus.Parse(answers.Text(i)) : new Dictionary<string, DpkgStatus>(),
            Policies = policy is { } p ? AptPolicy.Parse(answers.Text(p)) : null,
            Autoremovable = autoremove is { } a
                ? answers.Text(a).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[1]).ToList()
                : [],
        };
        if (deb is { } d)
        {
            var lines = answers.Text(d).Split('\n');
            if (lines.FirstOrDefault(l => l.StartsWith("E: ", StringComparison.Ordinal)) is { } error)
            {
                return new AptFacts { Error = $"cannot read the package file {debSource}: {error[3..]}" };
            }

            var words = lines.FirstOrDefault(l => l.StartsWith("deb ", StringComparison.Ordinal))?.Split(' ');
            if (words is not { Length: 3 } || words[1].Length == 0 || words[2].Length == 0)
            {
                return new AptFacts { Error = $"{debSource} is not a Debian package (dpkg-deb finds no package name and version)" };
            }

            facts = facts with { Deb = (words[1], words[2]), Installed = DpkgStatus.Parse(answers.Text(d)) };
        }

        if (upgrade is { } u)
        {
            facts = facts with { Upgrade = AptSimulation.Parse(answers.Text(u)) };
        }

        if (cache is { } c)
        {
            var words = answers.Text(c).Trim().Split(' ', 3);
            if (words.Length == 3 && long.TryParse(words[0], CultureInfo.InvariantCulture, out var now) && long.TryParse(words[1], CultureInfo.InvariantCulture, out var updated))
            {
                facts = facts with { CacheAgeSeconds = now - updated, CacheUpdated = updated, ListsFingerprint = words[2] };
            }
        }

        return facts;
    }
}
