using Orchestrator.Core.Modules;
using Orchestrator.Core.Transport;
using Orchestrator.Modules.Files;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// Puts an OpenPGP key into its own keyring file for a source's signed-by (apt-key is deprecated and trusts a key
/// for every repository). Keys are read and their fingerprints checked on the controller; the host only
/// downloads (url, keyserver) and receives the binary keyring through an atomic upload.
/// </summary>
internal sealed class AptKeyModule : IModule
{
    private const string KeyringDirectory = "/etc/apt/keyrings";

    public ModuleSpec Spec { get; } = new(
        "apt_key",
        "Installs an apt signing key as a binary keyring file (for signed-by), checked against its full fingerprint; no apt-key.",
        [
            new ArgumentSpec("id", ArgumentType.String, "The key's full fingerprint (40 hex digits; spaces and 0x allowed). Short 8/16-digit ids are refused. The downloaded or given key must have it."),
            new ArgumentSpec("url", ArgumentType.String, "Download the key on the host from this URL (curl, wget, python3 or gpg, whichever exists)."),
            new ArgumentSpec("keyserver", ArgumentType.String, "Fetch the key with id from this keyserver (a host name means https; hkp:// and hkps:// as gpg reads them)."),
            new ArgumentSpec("data", ArgumentType.String, "The key itself, ASCII-armored or binary."),
            new ArgumentSpec("file", ArgumentType.Path, "A key file on the controller (relative: the role's files/, the playbook's folder and its files/)."),
            new ArgumentSpec("keyring", ArgumentType.Path, $"The keyring file on the host; default {KeyringDirectory}/<FINGERPRINT>.gpg. Its folder is created (0755) when missing."),
            new ArgumentSpec("state", ArgumentType.String, "present: the key is in the keyring; absent: it is not (the file goes when no key is left).") { Default = "present", Choices = ["present", "absent"] },
            new ArgumentSpec("validate_certs", ArgumentType.Bool, "Check the HTTPS certificate of url and keyserver.") { Default = true },
        ])
    {
        MutuallyExclusive = [["url", "keyserver", "data", "file"]],
    };

    public async Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        string? fingerprint = null;
        if (arguments.GetString("id") is { } id)
        {
            (fingerprint, var idError) = KeyFingerprint.Normalize(id);
            if (idError is not null)
            {
                return ModulePlan.Done(ModuleResult.Fail(idError));
            }
        }

        var keyring = arguments.GetString("keyring") ?? (fingerprint is null ? null : $"{KeyringDirectory}/{fingerprint}.gpg");
        var present = arguments.GetString("state") != "absent";
        var problem = keyring is null ? "give keyring (or id, which names the default keyring file)"
            : !keyring.StartsWith('/') ? $"keyring '{keyring}' must be an absolute path"
            : present && !new[] { "url", "keyserver", "data", "file" }.Any(arguments.Has) ? "state=present needs one of url, keyserver, data or file"
            : arguments.Has("keyserver") && fingerprint is null ? "keyserver needs id (the full fingerprint to look up)"
            : null;
        if (problem is not null)
        {
            return ModulePlan.Done(ModuleResult.Fail(problem));
        }

        var probe = new RemoteProbe();
        var fileIndex = probe.AddFile(keyring!, follow: true);
        var directoryIndex = probe.AddFile(RemotePath.Parent(keyring!), follow: true);
        var contentIndex = probe.AddShell($"[ -f {ShellQuote.Quote(keyring!)} ] && base64 < {ShellQuote.Quote(keyring!)}; true");
        var answers = await probe.RunAsync(context.Transport, cancellationToken);
        if (answers.Error is not null)
        {
            return ModulePlan.Done(ModuleResult.Fail(answers.Error));
        }

        var state = answers.File(fileIndex, keyring!);
        if (state.Exists && !state.IsFile)
        {
            return ModulePlan.Done(ModuleResult.Fail($"{keyring} exists and is not a file"));
        }

        var (existing, unreadable) = ReadKeyring(answers.Text(contentIndex));
        if (unreadable is not null)
        {
            return ModulePlan.Done(ModuleResult.Fail($"{keyring} is not an OpenPGP keyring ({unreadable}); not touching it"));
        }

        var target = new KeyringTarget(keyring!, existing, state.Exists, answers.File(directoryIndex, RemotePath.Parent(keyring!)).Exists);
        return present
            ? await PlanPresentAsync(context, target, fingerprint, cancellationToken)
            : PlanAbsent(context, target, fingerprint);
    }

    private static async Task<ModulePlan> PlanPresentAsync(ModuleContext context, KeyringTarget target, string? fingerprint, CancellationToken cancellationToken)
    {
        if (fingerprint is not null && target.Has(fingerprint))
        {
            return ModulePlan.Done(target.Result(target.Keys));
        }

        var (data, source, error) = await KeySource.ReadAsync(context, fingerprint, cancellationToken);
        if (data is null)
        {
            return ModulePlan.Done(ModuleResult.Fail(error!));
        }

        var (keys, unusable) = OpenPgpKeyring.Read(data);
        if (unusable is not null)
        {
            return ModulePlan.Done(ModuleResult.Fail($"the key from {source} is not usable: {unusable}"));
        }

        var wanted = fingerprint is null ? keys : keys.Where(k => k.Fingerprint == fingerprint).ToList();
        if (wanted.Count == 0)
        {
            return ModulePlan.Done(ModuleResult.Fail(
                $"refusing to install the key from {source}: its fingerprint is {string.Join(", ", keys.Select(k => k.Fingerprint))}, not {fingerprint} (a wrong or tampered key is never installed)"));
        }

        var added = wanted.Where(k => !target.Has(k.Fingerprint)).GroupBy(k => k.Fingerprint).Select(g => g.First()).ToList();
        if (added.Count == 0)
        {
            return ModulePlan.Done(target.Result(target.Keys));
        }

        var after = target.Keys.Concat(added).ToList();
        var predicted = target.Result(after, context.DiffMode) with { Changed = true, Message = $"added {string.Join(", ", added.Select(k => k.Fingerprint))} to {target.Path}" };
        return ModulePlan.Change(predicted, token => WriteAsync(context.Transport, target, after, predicted, token));
    }

    private static ModulePlan PlanAbsent(ModuleContext context, KeyringTarget target, string? fingerprint)
    {
        if (!target.Exists || (fingerprint is not null && !target.Has(fingerprint)))
        {
            return ModulePlan.Done(target.Result(target.Keys));
        }

        var after = fingerprint is null ? [] : target.Keys.Where(k => k.Fingerprint != fingerprint).ToList();
        var predicted = target.Result(after, context.DiffMode) with
        {
            Changed = true,
            Message = after.Count == 0 ? $"removed {target.Path}" : $"removed {fingerprint} from {target.Path}",
        };
        return ModulePlan.Change(predicted, token => WriteAsync(context.Transport, target, after, predicted, token));
    }

    private static async Task<ModuleResult> WriteAsync(ITransport transport, KeyringTarget target, IReadOnlyList<OpenPgpKey> keys, ModuleResult predicted, CancellationToken cancellationToken)
    {
        var path = ShellQuote.Quote(target.Path);
        var command = keys.Count == 0 ? $"rm -f -- {path}"
            : !target.DirectoryExists ? $"install -d -m 0755 -- {ShellQuote.Quote(RemotePath.Parent(target.Path))}"
            : null;
        if (command is not null)
        {
            var run = await transport.RunAsync(new CommandRequest(command), cancellationToken);
            if (run.ExitCode != 0)
            {
                return ModuleResult.Fail($"{command} failed: {run.StderrText.Trim()}");
            }
        }

        if (keys.Count > 0)
        {
            // apt reads keyrings as the unprivileged _apt user: world-readable.
            await transport.PutFileAsync(new FileUpload(target.Path, OpenPgpKeyring.Write(keys)) { Mode = "0644" }, cancellationToken);
        }

        return predicted;
    }

    private static (IReadOnlyList<OpenPgpKey> Keys, string? Error) ReadKeyring(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return ([], "its content could not be read");
        }

        return bytes.Length == 0 ? ([], null) : OpenPgpKeyring.Read(bytes);
    }
}
