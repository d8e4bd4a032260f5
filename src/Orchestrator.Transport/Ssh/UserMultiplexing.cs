namespace Orchestrator.Transport.Ssh;

/// <summary>
/// The multiplexing options a user gave in ansible_ssh_common_args: ssh keeps the first value of each, so the
/// first occurrence is the one that counts. Keywords are case-insensitive, as in ssh_config(5).
/// </summary>
/// <param name="ControlPersistOption">The first <c>-o ControlPersist</c> argument as written, to be passed on unchanged.</param>
/// <param name="ControlPersistValue">Its value (yes, no, 60s...).</param>
/// <param name="ControlPathOption">The first <c>-o ControlPath</c> argument as written, to be passed on unchanged.</param>
/// <param name="HasControlPathFlag"><c>-S path</c>: ssh applies it whatever its position, so it always wins.</param>
internal sealed record UserMultiplexing(string? ControlPersistOption, string? ControlPersistValue, string? ControlPathOption, bool HasControlPathFlag)
{
    /// <summary>The user asked for a master that outlives the connection (ControlPersist yes, 0 or a time).</summary>
    public bool KeepsMaster => ControlPersistValue is { } value && ControlPersistArgument.KeepsMaster(value);

    public bool ChoosesControlPath => ControlPathOption is not null || HasControlPathFlag;

    public static UserMultiplexing From(IReadOnlyList<string> commonArgs)
    {
        string? persist = null;
        string? persistValue = null;
        string? path = null;
        var pathFlag = false;
        foreach (var (letter, argument) in SshArguments.Options(commonArgs))
        {
            if (letter == 'S' && argument is not null)
            {
                pathFlag = true;
            }

            if (letter != 'o' || argument is null)
            {
                continue;
            }

            var (keyword, value) = SshArguments.ConfigLine(argument);
            if (persist is null && keyword.Equals("ControlPersist", StringComparison.OrdinalIgnoreCase))
            {
                persist = argument;
                persistValue = value;
            }
            else if (path is null && keyword.Equals("ControlPath", StringComparison.OrdinalIgnoreCase))
            {
                path = argument;
            }
        }

        return new UserMultiplexing(persist, persistValue, path, pathFlag);
    }
}
