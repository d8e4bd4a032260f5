using System.Text.Json;

namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>
/// Reads the stand-ins over HTTP from the controller, on the hosts' lab-network addresses (our own containers):
/// GET /standin, and the health endpoints the content gates on.
/// </summary>
internal sealed class StandinClient : IDisposable
{
    internal const int MasterPort = 5050;
    internal const int AgentPort = 5051;
    internal const int MarathonPort = 8080;

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>The state, or null when nothing answers (the service is down or restarting).</summary>
    internal async Task<StandinState?> TryReadAsync(string address, int port)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://{address}:{port}/standin"));
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = document.RootElement;
            return new StandinState(
                root.GetProperty("role").GetString() ?? "",
                Strings(root.GetProperty("flags")),
                Strings(root.GetProperty("origin")),
                root.GetProperty("start_time").GetDouble(),
                root.GetProperty("libprocess_ip").ValueKind == JsonValueKind.String ? root.GetProperty("libprocess_ip").GetString() : null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The state, waiting a bounded while for the service to answer (it may be starting).</summary>
    internal async Task<StandinState> ReadAsync(string address, int port)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (await TryReadAsync(address, port) is { } state)
            {
                return state;
            }

            if (DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new Xunit.Sdk.XunitException($"no stand-in answers on {address}:{port}");
    }

    internal async Task<int> StatusAsync(string address, int port, string path)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://{address}:{port}{path}"));
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    /// <summary>The body of a GET, or null when nothing answers or the status is not 200.</summary>
    internal async Task<string?> GetTextAsync(string address, int port, string path)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://{address}:{port}{path}"));
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public void Dispose() => http.Dispose();

    private static Dictionary<string, string> Strings(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal);
}
