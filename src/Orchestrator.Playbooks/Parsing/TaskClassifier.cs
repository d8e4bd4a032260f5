using Orchestrator.Core.Yaml;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Sorts a task's keys into keywords and action keys; reports unknown modules and keywords.</summary>
internal static class TaskClassifier
{
    public static TaskParts Classify(ParseSession session, YMapping mapping)
    {
        var parts = new TaskParts(mapping);
        var unknown = new List<KeyValuePair<YScalar, YNode>>();
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            var canonical = ModuleNames.Canonical(key);
            if (TaskKeywords.Block.Contains(key))
            {
                parts.Sections[key] = entry;
                if (key == "block")
                {
                    parts.ActionKeys.Add(entry.Key);
                }
            }
            else if (TaskKeywords.Ignored.Contains(key))
            {
                CheckIgnored(session, entry.Key, entry.Value);
            }
            else if (TaskKeywords.IsKeyword(key))
            {
                parts.Keywords[key] = entry;
            }
            else if (canonical is "include_tasks" or "import_tasks")
            {
                if (canonical == "include_tasks")
                {
                    parts.Include = entry;
                }
                else
                {
                    parts.Import = entry;
                }

                parts.ActionKeys.Add(entry.Key);
            }
            else if (key is "action" or "local_action")
            {
                parts.LocalAction |= key == "local_action";
                if (ActionForm.Read(session, entry.Key, entry.Value) is { } use)
                {
                    parts.Modules.Add(use);
                }

                parts.ActionKeys.Add(entry.Key);
            }
            else if (session.Modules.Find(canonical) is { } spec)
            {
                parts.Modules.Add(new ModuleUse(entry.Key, entry.Value, spec));
                parts.ActionKeys.Add(entry.Key);
            }
            else
            {
                unknown.Add(entry);
            }
        }

        ReportUnknown(session, parts, unknown);
        return parts;
    }

    // A key close to a keyword is a misspelt keyword; otherwise the first unknown key of a task without an
    // action is taken for its module.
    private static void ReportUnknown(ParseSession session, TaskParts parts, List<KeyValuePair<YScalar, YNode>> unknown)
    {
        var moduleNames = session.Modules.All.Select(m => m.Name).ToList();
        var needsAction = parts.ActionKeys.Count == 0;
        foreach (var (key, _) in unknown)
        {
            var keyword = Suggest.Closest(key.Value, TaskKeywords.All);
            if (needsAction && keyword is null)
            {
                session.Error(key.Location, $"unknown module '{key.Value}'{Suggest.Hint(ModuleNames.Canonical(key.Value), moduleNames)}");
                parts.ReportedUnknownModule = true;
                needsAction = false;
                continue;
            }

            var hint = keyword is not null ? $" (did you mean '{keyword}'?)" : Suggest.Hint(key.Value, moduleNames);
            session.Error(key.Location, $"unknown task keyword '{key.Value}'{hint}");
        }
    }

    private static void CheckIgnored(ParseSession session, YScalar key, YNode value)
    {
        if (key.Value == "become_method" && KeywordReader.String(session, key, value) is { } method && method != "sudo")
        {
            session.Error(value.Location, $"only 'sudo' is supported for 'become_method', not '{method}'");
        }
    }
}
