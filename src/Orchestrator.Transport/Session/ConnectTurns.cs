using System.Diagnostics;

namespace Orchestrator.Transport.Session;

/// <summary>
/// Sessions that are still connecting take turns at the controller's CPU. An ssh handshake costs about 90 ms of
/// CPU with OpenSSH's default key exchange: 200 started at once on 2 cores share it evenly and all finish late,
/// together, so no host starts working before the last few seconds of handshakes. Here the first few (two per
/// core) connect at normal priority; each further one starts with its Linux autogroup (every setsid'ed ssh has
/// one) niced to 19, and is raised back to 0 in the order the sessions started as earlier ones become ready.
/// Handshakes then finish one after another and hosts start working while the rest connect. Nothing is held
/// back: a niced process still runs whenever a core is free, so with remote hosts (handshakes waiting on the
/// network, not the CPU) this changes nothing.
/// </summary>
internal sealed class ConnectTurns(int turns, IAutogroupNice nice)
{
    /// <summary>The script a waiting session's process runs first: it lowers its own autogroup, then execs the launcher's program.</summary>
    // The braces send the shell's own complaint to /dev/null too, where the kernel has no autogroups.
    internal const string LowerThenExec = "{ echo 19 >/proc/self/autogroup; } 2>/dev/null; exec \"$0\" \"$@\"";

    private readonly object gate = new();
    private readonly LinkedList<Turn> waiting = new();
    private int running;

    public static ConnectTurns Shared { get; } = new(Math.Max(2, 2 * Environment.ProcessorCount), AutogroupNice.Instance);

    /// <summary>Takes a turn for a session about to start: a running one, or a place in the queue.</summary>
    public Turn Take()
    {
        lock (gate)
        {
            var turn = new Turn();
            if (running < turns)
            {
                running++;
            }
            else
            {
                turn.Place = waiting.AddLast(turn);
            }

            return turn;
        }
    }

    /// <summary>Records the started process, so a turn that comes later can raise it.</summary>
    public void Started(Turn turn, int processId)
    {
        lock (gate)
        {
            turn.ProcessId = processId;
        }
    }

    /// <summary>
    /// The session is ready (or failed to start): its turn ends, its own priority is back to normal, and the
    /// longest-waiting sessions get the turns that are free.
    /// </summary>
    public void Leave(Turn turn)
    {
        var raise = new List<int>();
        lock (gate)
        {
            if (turn.Place is { } place)
            {
                waiting.Remove(place);
                turn.Place = null;
            }
            else
            {
                running--;
            }

            while (running < turns && waiting.First is { } next)
            {
                waiting.RemoveFirst();
                next.Value.Place = null;
                running++;
                if (next.Value.ProcessId is { } pid)
                {
                    raise.Add(pid);
                }
            }
        }

        // A raise can come before the new process lowered itself; then it stays lowered until it is ready.
        if (turn.Lowered && turn.ProcessId is { } own)
        {
            raise.Add(own);
        }

        foreach (var pid in raise)
        {
            nice.Raise(pid);
        }
    }

    /// <summary>
    /// Makes a launcher's start info (setsid PROGRAM ARGS...) lower its own priority first when the turn waits:
    /// setsid sh -c LOWER_THEN_EXEC PROGRAM ARGS... The program keeps the PID, so the session is unchanged.
    /// </summary>
    public static void Prepare(ProcessStartInfo startInfo, Turn turn)
    {
        if (turn.Running || startInfo.FileName != "setsid")
        {
            return;
        }

        string[] wrapper = ["/bin/sh", "-c", LowerThenExec];
        for (var i = 0; i < wrapper.Length; i++)
        {
            startInfo.ArgumentList.Insert(i, wrapper[i]);
        }

        turn.Lowered = true;
    }

    /// <summary>One session's turn: running, or waiting at <see cref="Place"/>.</summary>
    internal sealed class Turn
    {
        /// <summary>Connecting at normal priority: not (or no longer) in the queue.</summary>
        public bool Running => Place is null;

        public LinkedListNode<Turn>? Place { get; set; }

        /// <summary>Its process was started lowered (<see cref="Prepare"/>).</summary>
        public bool Lowered { get; set; }

        public int? ProcessId { get; internal set; }
    }
}
