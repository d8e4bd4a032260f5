namespace Orchestrator.Cli.Tests;

/// <summary>-e @FILE reaches ExtraVarsParser as a path, not as the file's words (System.CommandLine response files).</summary>
public sealed class ExtraVarsFileTests : IDisposable
{
    private readonly string workspace = Directory.CreateTempSubdirectory("orchestrate-extravars-").FullName;

    public void Dispose() => Directory.Delete(workspace, recursive: true);

    [Fact]
    public async Task An_extra_vars_file_with_quotes_and_spaces_is_read_as_yaml()
    {
        File.WriteAllText(Path.Combine(workspace, "vars.json"), "{\"greeting\": \"it's \\\"quoted\\\" and spaced\", \"dest\": \"out.txt\"}\n");
        var playbook = Path.Combine(workspace, "play.yaml");
        File.WriteAllText(playbook, """
            - hosts: localhost
              gather_facts: false
              tasks:
                - copy: { content: "{{ greeting }}", dest: "{{ playbook_dir }}/{{ dest }}" }
            """);

        var result = await CliRunner.RunAsync("run", playbook, "-e", "@" + Path.Combine(workspace, "vars.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("it's \"quoted\" and spaced", File.ReadAllText(Path.Combine(workspace, "out.txt")));
    }
}
