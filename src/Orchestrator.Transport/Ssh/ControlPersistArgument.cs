namespace Orchestrator.Transport.Ssh;

/// <summary>
/// ControlPersist's argument as ssh_config(5) reads it: "no"/"false" close the master with its first client;
/// "yes"/"true", 0 or a time (sshd_config(5) TIME FORMATS: 90, 60s, 10m, 1h30m) keep it. Values are
/// case-sensitive, as in ssh. Anything else ssh itself rejects ("Bad ControlPersist argument"), which the run
/// reports as it reports any ssh failure; here it counts as not keeping the master.
/// </summary>
internal static class ControlPersistArgument
{
    public static bool KeepsMaster(string value) =>
        value is "yes" or "true" || (value is not ("no" or "false") && IsTime(value));

    private static bool IsTime(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        long total = 0;
        var at = 0;
        while (at < value.Length)
        {
            var start = at;
            long number = 0;
            while (at < value.Length && char.IsAsciiDigit(value[at]))
            {
                number = (number * 10) + (value[at] - '0');
                if (number > int.MaxValue)
                {
                    return false;
                }

                at++;
            }

            if (at == start)
            {
                return false;
            }

            var multiplier = at < value.Length ? Multiplier(value[at++]) : 1;
            total += number * multiplier;
            if (multiplier == 0 || total > int.MaxValue)
            {
                return false;
            }
        }

        return true;
    }

    private static long Multiplier(char unit) => unit switch
    {
        's' or 'S' => 1,
        'm' or 'M' => 60,
        'h' or 'H' => 60 * 60,
        'd' or 'D' => 24 * 60 * 60,
        'w' or 'W' => 7 * 24 * 60 * 60,
        _ => 0,
    };
}
