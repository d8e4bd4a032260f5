using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Tests;

public sealed class ModuleRegistryTests
{
    private readonly ModuleRegistry registry = ModuleRegistry.CreateDefault();

    [Theory]
    [InlineData("command")]
    [InlineData("shell")]
    [InlineData("copy")]
    [InlineData("template")]
    [InlineData("file")]
    [InlineData("stat")]
    [InlineData("debug")]
    [InlineData("assert")]
    [InlineData("fail")]
    [InlineData("set_fact")]
    [InlineData("meta")]
    [InlineData("setup")]
    [InlineData("raw")]
    [InlineData("lineinfile")]
    [InlineData("wait_for")]
    [InlineData("pause")]
    [InlineData("apt")]
    [InlineData("apt_key")]
    [InlineData("apt_repository")]
    [InlineData("service")]
    public void Finds_each_module_by_name_and_by_its_ansible_builtin_name(string name)
    {
        Assert.Equal(name, registry.FindModule(name)?.Spec.Name);
        Assert.Equal(name, registry.FindModule("ansible.builtin." + name)?.Spec.Name);
        Assert.Same(registry.FindModule(name)!.Spec, registry.Find(name));
    }

    [Fact]
    public void Unknown_names_are_not_found()
    {
        Assert.Null(registry.FindModule("nope"));
        Assert.Null(registry.Find("ansible.builtin.nope"));
    }

    [Fact]
    public void A_name_registered_twice_is_refused()
    {
        var copy = registry.FindModule("copy")!;
        Assert.Throws<ArgumentException>(() => new ModuleRegistry([copy, copy]));
    }

    [Fact]
    public void Every_spec_is_complete_and_its_defaults_bind()
    {
        foreach (var spec in registry.All)
        {
            Assert.NotEmpty(spec.Description);
            Assert.All(spec.Arguments, a => Assert.False(string.IsNullOrWhiteSpace(a.Description), $"{spec.Name}.{a.Name} has no description"));
            Assert.All(spec.Arguments.Where(a => a.Default is not null && a.Choices.Count > 0), a => Assert.Contains(a.Default!.ToString()!, a.Choices));
            var names = spec.Arguments.SelectMany(a => a.Aliases.Append(a.Name)).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
            if (spec.FreeFormArgument is not null)
            {
                Assert.NotNull(spec.Find(spec.FreeFormArgument));
            }

            var defaults = spec.Arguments.Where(a => a.Default is not null).ToDictionary(a => a.Name, a => a.Default);
            var (_, problems) = ArgumentBinder.Bind(spec with { RequiredOneOf = [] }, defaults, deferTemplates: false);
            Assert.All(problems, p => Assert.Contains("requires", p.Message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Modules_are_listed_in_name_order()
    {
        var names = registry.Modules.Select(m => m.Spec.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }
}
