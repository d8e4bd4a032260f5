using System.CommandLine;
using System.Globalization;

namespace Orchestrator.Cli;

/// <summary>Declares `orchestrate run` and turns its parse result into <see cref="RunArguments"/>.</summary>
internal static class RunCommandBuilder
{
    public static Command Build(Func<RunArguments, CancellationToken, Task<int>> execute)
    {
        var playbook = new Argument<string>("PLAYBOOK") { Description = "the playbook to run" };
        var inventory = CommonOptions.Inventory();
        var limit = new Option<string?>("--limit", "-l") { Description = "restrict hosts (same pattern language as a play's hosts:)" };
        var tags = new Option<string[]>("--tags", "-t") { Description = "run only tasks with these tags (comma-separated, repeatable)" };
        var skipTags = new Option<string[]>("--skip-tags") { Description = "skip tasks with these tags" };
        var extraVars = new Option<string[]>("--extra-vars", "-e") { Description = "key=value pairs, a YAML/JSON mapping, or @file.yaml (repeatable; highest precedence)" };
        var check = new Option<bool>("--check", "-C") { Description = "change nothing; report what would change" };
        var diff = new Option<bool>("--diff", "-D") { Description = "show unified diffs of changed files (secrets masked)" };
        var forks = new Option<int>("--forks", "-f") { Description = "hosts worked on at once", DefaultValueFactory = _ => 50 };
        forks.Validators.Add(r =>
        {
            // Reading the value of a token that is no number throws; that token already has its own parse error.
            if (r.Tokens.Count > 0 && int.TryParse(r.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count < 1)
            {
                r.AddError("--forks must be at least 1");
            }
        });
        var user = new Option<string?>("--user", "-u") { Description = "default remote user" };
        var privateKey = new Option<string?>("--private-key") { Description = "default ssh private key file" };
        var become = new Option<bool>("--become") { Description = "run tasks with sudo by default" };
        var listHosts = new Option<bool>("--list-hosts") { Description = "list the hosts each play would run on; connect to nothing" };
        var listTasks = new Option<bool>("--list-tasks") { Description = "list the tasks each play would run; connect to nothing" };
        var syntaxCheck = new Option<bool>("--syntax-check") { Description = "parse and validate only; connect to nothing" };
        var startAt = new Option<string?>("--start-at-task") { Description = "start at the task with this name" };
        var jsonReport = new Option<string?>("--json-report") { Description = "write the machine-readable report to FILE" };
        var vaultPassword = CommonOptions.VaultPasswordFile();
        var verbosity = CommonOptions.Verbosity();

        var command = new Command("run", "run a playbook")
        {
            playbook, inventory, limit, tags, skipTags, extraVars, check, diff, forks, user, privateKey, become,
            listHosts, listTasks, syntaxCheck, startAt, jsonReport, vaultPassword, verbosity.V1, verbosity.V2, verbosity.V3,
        };
        command.SetAction((result, token) => execute(
            new RunArguments(result.GetValue(playbook)!)
            {
                Inventories = result.GetValue(inventory) ?? [],
                Limit = result.GetValue(limit),
                Tags = CommonOptions.CommaList(result.GetValue(tags)),
                SkipTags = CommonOptions.CommaList(result.GetValue(skipTags)),
                ExtraVars = result.GetValue(extraVars) ?? [],
                Check = result.GetValue(check),
                Diff = result.GetValue(diff),
                Forks = result.GetValue(forks),
                User = result.GetValue(user),
                PrivateKey = result.GetValue(privateKey),
                Become = result.GetValue(become),
                ListHosts = result.GetValue(listHosts),
                ListTasks = result.GetValue(listTasks),
                SyntaxCheck = result.GetValue(syntaxCheck),
                StartAtTask = result.GetValue(startAt),
                JsonReport = result.GetValue(jsonReport),
                VaultPasswordFile = result.GetValue(vaultPassword),
                Verbosity = CommonOptions.VerbosityOf(result, verbosity),
            },
            token));
        return command;
    }
}
