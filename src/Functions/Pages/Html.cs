using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Extensions;
using Reintegration.Functions.Localization;

namespace Reintegration.Functions.Pages;

/// <summary>Server-rendered pages: one small layout, everything inserted is HTML-encoded, no script.</summary>
public static class Html
{
    private static readonly Dictionary<string, string> LanguageNames = new() { ["en"] = "English", ["da"] = "Dansk", ["fr"] = "Français", ["ar"] = "العربية" };

    /// <summary>The response header that lists, in Development, the words a page could not say in its language.</summary>
    public const string UntranslatedHeader = "X-Untranslated-Words";

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A page in the words' language and direction, with a language switch and the given navigation.</summary>
    public static IResult Page(HttpContext http, Words words, string title, string body, int status = StatusCodes.Status200OK, string nav = "")
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        var page = Layout(title, body, words, nav + LanguageSwitch(http, words));
        if (words.Misses.Count > 0 && http.RequestServices.GetService<IHostEnvironment>()?.IsDevelopment() == true)
        {
            // Development only: the keys this page could not say in its language (a test fails on any).
            headers[UntranslatedHeader] = string.Join(", ", words.Misses.Order(StringComparer.Ordinal));
        }

        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>Links to this same page in each language it is offered in.</summary>
    public static string LanguageSwitch(HttpContext http, Words words)
    {
        if (words.Languages.Count < 2)
        {
            return string.Empty;
        }

        var links = words.Languages.Select(language =>
        {
            var query = new QueryBuilder(http.Request.Query.Where(q => q.Key != "lang").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty))))
            {
                { "lang", language },
            };
            var current = language == words.Language ? " aria-current=\"true\"" : string.Empty;
            return $"<li><a href=\"{E(http.Request.PathBase + http.Request.Path + query.ToQueryString())}\" lang=\"{language}\" hreflang=\"{language}\"{current}>{E(LanguageNames.GetValueOrDefault(language, language))}</a></li>";
        });
        return $"<nav class=\"languages\" aria-label=\"{E(words["language"])}\"><ul>{string.Concat(links)}</ul></nav>";
    }

    public static string Layout(string title, string body, Words words, string nav) => $$"""
        <!doctype html>
        <html lang="{{E(words.Language)}}" dir="{{E(words.Direction)}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{E(title)}} · Reintegration</title>
        <style>{{PageStyle.Css}}</style>
        </head>
        <body>
        <a class="skip" href="#main">{{(words.Language switch { "da" => "Gå til indhold", "fr" => "Aller au contenu", "ar" => "انتقل إلى المحتوى", _ => "Skip to content" })}}</a>
        <header><p class="brand">Reintegration</p>{{nav}}</header>
        <main id="main" tabindex="-1">
        {{body}}
        </main>
        </body>
        </html>
        """;
}
