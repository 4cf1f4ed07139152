namespace Customer360.Gateway.Localization;

/// <summary>
/// The language reasons are worded in: <c>zh</c> when the request prefers Chinese (Accept-Language, or
/// <c>?lang=</c> which wins, for links and for the hub whose WebSocket cannot set headers), else <c>en</c>.
/// </summary>
public static class ConsoleLanguage
{
    public const string English = "en";
    public const string Chinese = "zh";

    public static string Of(HttpContext? http)
    {
        if (http is null) return English;
        if (http.Request.Query["lang"].FirstOrDefault() is { Length: > 0 } lang) return Normalize(lang);
        var preferred = http.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value)
            .FirstOrDefault(v => v is not null);
        return preferred is null ? English : Normalize(preferred);
    }

    private static string Normalize(string tag) =>
        tag.StartsWith(Chinese, StringComparison.OrdinalIgnoreCase) ? Chinese : English;
}
