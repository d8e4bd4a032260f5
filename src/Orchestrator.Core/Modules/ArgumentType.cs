namespace Orchestrator.Core.Modules;

public enum ArgumentType
{
    /// <summary>Any scalar, converted to its text.</summary>
    String,
    Int,
    Bool,
    /// <summary>A list; a comma-separated string is split, as Ansible does.</summary>
    List,
    Dict,
    /// <summary>A filesystem path on the host.</summary>
    Path,
    /// <summary>A file mode: an octal string ("0644"), a YAML octal int, or symbolic ("u+rwx").</summary>
    Mode,
    /// <summary>Any value, kept as is (set_fact values, debug var).</summary>
    Raw,
}
