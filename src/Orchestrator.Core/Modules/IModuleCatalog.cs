namespace Orchestrator.Core.Modules;

/// <summary>The registered modules' specs, by name; the parser validates tasks against it.</summary>
public interface IModuleCatalog
{
    ModuleSpec? Find(string name);

    IEnumerable<ModuleSpec> All { get; }
}
