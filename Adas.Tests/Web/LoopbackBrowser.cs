using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Adas.Tests.Web;

/// <summary>
/// A browser stand-in from its own loopback address (127.0.0.x: Linux routes the whole 127/8 to this machine), so the
/// web app sees distinct clients: keeps cookies, signs in through the real /login form with its antiforgery token.
/// </summary>
public sealed partial class LoopbackBrowser : IDisposable
{
    private readonly HttpClient _http;

    public LoopbackBrowser(Uri webUrl, IPAddress source)
    {
        Source = source;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = Cookies,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = webUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    public IPAddress Source { get; }
    public CookieContainer Cookies { get; } = new();

    /// <summary>Posts the sign-in form (as a browser does: the page first, for its antiforgery token).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var page = await _http.GetStringAsync("/login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        return await _http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Submits the form of the page at <paramref name="page"/> that posts to <paramref name="action"/>, with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action)
    {
        var html = await _http.GetStringAsync(page);
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);
        return await _http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, HttpContent content) => _http.PostAsync(path, content);

    public bool HasSessionCookie => Cookies.GetAllCookies().Any(c => c.Name.EndsWith("adas_session", StringComparison.Ordinal));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public void Dispose() => _http.Dispose();
}
