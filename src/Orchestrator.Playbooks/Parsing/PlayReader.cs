using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;
using Orchestrator.Playbooks.Validation;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Reads one play mapping, its task sections and roles, and checks its notify targets.</summary>
internal static class PlayReader
{
    public static Play Read(ParseSession session, YMapping mapping, string file)
    {
        var baseDirectory = Path.GetDirectoryName(file)!;
        var scope = new PlayScope(baseDirectory);
        var context = TaskContext.ForFile(session, scope, file, null, isHandler: false);
        var play = new Play(mapping.Location, "", new Expression("", mapping.Location), baseDirectory);
        string? name = null;
        Expression? hosts = null;
        var hostsWritten = false;
        foreach (var (key, value) in mapping.Entries)
        {
            switch (key.Value)
            {
                case "name": name = KeywordReader.String(session, key, value); break;
                case "hosts": (hosts, hostsWritten) = (PlayValues.Hosts(session, key, value), true); break;
                case "vars": play = play with { Vars = KeywordReader.Mapping(session, key, value, variableNames: true) }; break;
                case "vars_files": play = play with { VarsFiles = PlayValues.VarsFiles(session, key, value, baseDirectory) }; break;
                case "gather_facts": play = play with { GatherFacts = KeywordReader.Bool(session, key, value) ?? true }; break;
                case "become": play = play with { Become = KeywordReader.Bool(session, key, value) }; break;
                case "become_user": play = play with { BecomeUser = KeywordReader.String(session, key, value) }; break;
                case "serial": play = play with { Serial = SerialReader.Read(session, key, value) }; break;
                case "max_fail_percentage":
                    play = play with { MaxFailPercentage = KeywordReader.Number(session, key, value, 0, 100, allowPercentSign: true) };
                    break;
                case "any_errors_fatal": play = play with { AnyErrorsFatal = KeywordReader.Bool(session, key, value) ?? false }; break;
                case "pre_tasks": play = play with { PreTasks = TaskListReader.Read(context, key, value) }; break;
                case "roles": play = play with { Roles = RoleLoader.ReadList(context, key, value) }; break;
                case "tasks": play = play with { Tasks = TaskListReader.Read(context, key, value) }; break;
                case "post_tasks": play = play with { PostTasks = TaskListReader.Read(context, key, value) }; break;
                case "handlers": play = play with { Handlers = TaskListReader.ReadHandlers(context, key, value) }; break;
                case "tags": play = play with { Tags = KeywordReader.Tags(session, key, value) }; break;
                case "environment": play = play with { Environment = KeywordReader.Mapping(session, key, value) }; break;
                case "check_mode": play = play with { CheckMode = KeywordReader.Bool(session, key, value) }; break;
                default: PlayValues.OtherKeyword(session, key, value); break;
            }
        }

        if (!hostsWritten)
        {
            session.Error(mapping.Location, "a play needs 'hosts' (a host pattern such as 'all' or a group name)");
        }

        play = play with { Name = name ?? hosts?.Text ?? "", Hosts = hosts ?? play.Hosts };
        NotifyValidator.Check(session, scope, play);
        return play;
    }
}
