using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A browser-like client without JavaScript: it keeps cookies, reads HTML with AngleSharp and
/// posts forms the way a browser would, hidden fields and antiforgery token included.
/// </summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    private static readonly IBrowsingContext Browsing = BrowsingContext.New(Configuration.Default);

    public HttpClient Http { get; } = http;

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var document = await Browsing.OpenAsync(r => r.Content(html).Address(new Uri(Http.BaseAddress!, url)));
        return (response, document);
    }

    /// <summary>Follows redirects like a browser and returns the final page.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> FollowAsync(HttpResponseMessage response)
    {
        var hops = 0;
        while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && hops++ < 5)
        {
            var location = response.Headers.Location!;
            response = await Http.GetAsync(location);
        }
        var html = await response.Content.ReadAsStringAsync();
        var document = await Browsing.OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
        return (response, document);
    }

    /// <summary>Fills in the form (found by its Blazor form name) on the page and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IDocument page, string formName, IDictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var form = FindForm(page, formName);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(element.Name) || fields.ContainsKey(element.Name))
                continue;
            if (element.Type is "checkbox" or "radio" && !element.IsChecked)
                continue;
            if (element.Type is "submit")
                continue;
            values.Add(new(element.Name, element.Type is "checkbox" && element.Value == "on" ? "true" : element.Value));
        }
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>())
        {
            if (!string.IsNullOrEmpty(select.Name) && !fields.ContainsKey(select.Name))
                values.Add(new(select.Name, select.Value ?? ""));
        }
        foreach (var textArea in form.Elements.OfType<IHtmlTextAreaElement>())
        {
            if (!string.IsNullOrEmpty(textArea.Name) && !fields.ContainsKey(textArea.Name))
                values.Add(new(textArea.Name, textArea.Value));
        }
        values.AddRange(fields);
        if (extra is not null)
            values.AddRange(extra);

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.Action;
        return await Http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Uploads one file through the (multipart) form with this Blazor form name on the page at <paramref name="url"/>.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string url, string formName, string field, string fileName, byte[] content)
    {
        var (_, page) = await GetPageAsync(url);
        var form = FindForm(page, formName);
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(formName), "_handler" },
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
            { new ByteArrayContent(content), field, fileName },
        };
        return await Http.PostAsync(url, multipart);
    }

    public async Task<HttpResponseMessage> LogInAsync(string email, string password)
    {
        var (_, page) = await GetPageAsync("/account/inloggen");
        return await SubmitAsync(page, "login", new Dictionary<string, string> { ["Form.Email"] = email, ["Form.Password"] = password });
    }

    public static IHtmlFormElement FindForm(IDocument page, string formName) =>
        page.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => f.QuerySelector<IHtmlInputElement>("input[name=_handler]")?.Value == formName)
        ?? throw new InvalidOperationException($"No form '{formName}' on {page.Url}: {page.Title}");

    public void Dispose() => Http.Dispose();
}
