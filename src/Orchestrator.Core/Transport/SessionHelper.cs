namespace Orchestrator.Core.Transport;

/// <summary>
/// Shell snippets that ask the session's helper (a small Perl process a session starts beside its loop, where
/// <c>/usr/bin/perl</c> exists) for a <c>stat</c>, a rename, a <c>mkdir</c> or the host's full name instead of starting a
/// program.
/// </summary>
/// <remarks>
/// A process is what these cost on the host (about 1 ms each, fork and exec); the helper answers through two pipes
/// without one. Each snippet falls back to the program itself wherever the helper cannot answer: a script run
/// through sudo or in a fresh shell (<c>$__h</c> is the session loop's own, unexported variable), a host without
/// Perl, a helper that is gone, or any error (the program then runs and reports it in its own words, so what a
/// user sees on failure does not change). The helper's side is in the transport (<c>SessionHelperProgram</c>).
/// </remarks>
public static class SessionHelper
{
    /// <summary>The one <c>stat -c</c> format the helper prints (it prints no other).</summary>
    public const string StatFormat = "S %f %a %u %g %U %G %s %Y %X %Z %i %h %d";

    /// <summary>
    /// Sets <paramref name="variable"/> to the lines <c>stat -c StatFormat</c> prints for the paths in <c>"$@"</c>
    /// (at least one), or to <c>-</c> when that fails for any of them.
    /// </summary>
    /// <param name="follow">Describe what links point to (<c>stat -L</c>).</param>
    public static string StatInto(string variable, bool follow) =>
        $"if [ \"${{__h-}}\" = 1 ] && __hs {(follow ? "L" : "s")} \"$@\"; then {variable}=$__v; "
        + $"else {variable}=$(stat{(follow ? " -L" : "")} -c {ShellQuote.Quote(StatFormat)} -- \"$@\" 2>/dev/null) || {variable}=-; fi";

    /// <summary>
    /// Prints what <c>timeout 2 hostname -f</c> prints (the host's canonical name, nothing when the lookup takes
    /// longer than 2 s); without <c>timeout</c>, <c>hostname -f</c> alone.
    /// </summary>
    public const string FullHostName =
        "{ [ \"${__h-}\" = 1 ] && __hc f && IFS= read -r __v <&9 && { [ -z \"$__v\" ] || printf '%s\\n' \"$__v\"; }; } "
        + "|| if command -v timeout >/dev/null; then timeout 2 hostname -f; else hostname -f; fi";

    /// <summary><c>mv -f -T -- FROM TO</c>: renames a file over another (never into a directory).</summary>
    public static string Rename(string quotedFrom, string quotedTo) =>
        $"{{ [ \"${{__h-}}\" = 1 ] && __hc m {quotedFrom} {quotedTo}; }} || mv -f -T -- {quotedFrom} {quotedTo}";

    /// <summary><c>mkdir -p -m MODE -- PATH</c>, MODE in octal digits.</summary>
    public static string MakeDirectory(string octalMode, string quotedPath) =>
        $"{{ [ \"${{__h-}}\" = 1 ] && __hc d {octalMode} {quotedPath}; }} || mkdir -p -m {octalMode} -- {quotedPath}";
}
