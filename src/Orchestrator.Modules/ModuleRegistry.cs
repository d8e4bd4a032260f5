using Orchestrator.Core.Modules;
using Orchestrator.Modules.Commands;
using Orchestrator.Modules.Control;
using Orchestrator.Modules.Files;

namespace Orchestrator.Modules;

/// <summary>The modules a run can use, by name. <see cref="CreateDefault"/> is the one place where modules are registered.</summary>
public sealed class ModuleRegistry : IModuleCatalog
{
    // Ansible's collection prefixes, so "ansible.builtin.copy" finds copy.
    private static readonly string[] NamePrefixes = ["ansible.builtin.", "ansible.legacy."];

    private readonly Dictionary<string, IModule> byName = new(StringComparer.Ordinal);

    public ModuleRegistry(IEnumerable<IModule> modules)
    {
        foreach (var module in modules)
        {
            if (!byName.TryAdd(module.Spec.Name, module))
            {
                throw new ArgumentException($"module '{module.Spec.Name}' is registered twice", nameof(modules));
            }
        }
    }

    public static ModuleRegistry CreateDefault() => new(
    [
        new CommandModule(),
        new ShellModule(),
        new CopyModule(),
        new TemplateModule(),
        new FileModule(),
        new StatModule(),
        new DebugModule(),
        new AssertModule(),
        new FailModule(),
        new SetFactModule(),
        new MetaModule(),
        new Facts.SetupModule(),
        new RawModule(),
        new Text.LineInFileModule(),
        new Waiting.WaitForModule(),
        new Waiting.PauseModule(),
        new Apt.AptModule(),
        new Apt.AptKeyModule(),
        new Apt.AptRepositoryModule(),
        new Services.ServiceModule(),
    ]);

    public IEnumerable<IModule> Modules => byName.Values.OrderBy(m => m.Spec.Name, StringComparer.Ordinal);

    public IEnumerable<ModuleSpec> All => Modules.Select(m => m.Spec);

    public IModule? FindModule(string name) =>
        byName.GetValueOrDefault(name) ?? NamePrefixes
            .Where(prefix => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(prefix => byName.GetValueOrDefault(name[prefix.Length..]))
            .FirstOrDefault(m => m is not null);

    public ModuleSpec? Find(string name) => FindModule(name)?.Spec;
}
