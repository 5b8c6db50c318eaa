using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Applications;

/// <summary>The resident's steps through the application form, the way a browser without JavaScript posts them.</summary>
internal static class ApplyFlow
{
    public static readonly byte[] Pdf = [.. "%PDF-1.4\n% kentekenbewijs\n1 0 obj << >> endobj\n%%EOF\n"u8];

    public static async Task<PortalClient> NewResidentAsync(PortalAppFactory app, string email)
    {
        using (var scope = app.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Andere Bewoner", CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, PortalAppFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, PortalRoles.Resident)).Succeeded);
        }
        return await app.LogInAsAsync(email);
    }

    /// <summary>Fills in the address step for Velperweg 1 and returns the new draft's id.</summary>
    public static async Task<Guid> StartDraftAsync(PortalClient client)
    {
        var (_, page) = await client.GetPageAsync("/aanvragen/nieuw");
        var response = await client.SubmitAsync(page, "apply-address", new Dictionary<string, string> { ["Form.Postcode"] = "6824 ba", ["Form.HouseNumber"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.RedirectPath();
        Assert.EndsWith("/stap/adres?gevonden=true", path, StringComparison.Ordinal);
        return Guid.Parse(path.Split('/')[2]);
    }

    /// <summary>Posts one step's form and returns where it redirected to.</summary>
    public static async Task<string> StepAsync(PortalClient client, string url, string formName, Dictionary<string, string> fields)
    {
        var (_, page) = await client.GetPageAsync(url);
        var response = await client.SubmitAsync(page, formName, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.RedirectPath();
    }

    /// <summary>A draft with every step filled in, ready to submit.</summary>
    public static async Task<Guid> CompleteDraftAsync(PortalClient client)
    {
        var id = await StartDraftAsync(client);
        await StepAsync(client, $"/aanvragen/{id}/stap/auto", "apply-car", new() { ["Form.Situation"] = "Driving", ["Form.LicencePlate"] = "12abc3" });
        var upload = await client.UploadAsync($"/aanvragen/{id}/stap/bewijs", "apply-proof", "bestand", "kentekenbewijs.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        await StepAsync(client, $"/aanvragen/{id}/stap/verklaringen", "apply-declarations", new() { ["Form.PrivateParking"] = "nee" });
        await StepAsync(client, $"/aanvragen/{id}/stap/toestemming", "apply-consent", new() { ["Form.Consent"] = "true" });
        return id;
    }

    public static async Task<Guid> SubmittedAsync(PortalClient client)
    {
        var id = await CompleteDraftAsync(client);
        Assert.Equal($"/aanvragen/{id}?ingediend=true", await SubmitDraftAsync(client, id));
        return id;
    }

    public static async Task<string> SubmitDraftAsync(PortalClient client, Guid id)
    {
        var (_, summary) = await client.GetPageAsync($"/aanvragen/{id}/controleren");
        var response = await client.SubmitAsync(summary, "apply-submit", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.RedirectPath();
    }

    /// <summary>Posts a multipart form (text fields and an optional file) the way a browser sends it.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(PortalClient client, string url, string formName, Dictionary<string, string> fields, (string Field, string Name, byte[] Content)? file = null)
    {
        var (_, page) = await client.GetPageAsync(url);
        var form = PortalClient.FindForm(page, formName);
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(formName), "_handler" },
            { new StringContent(form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
            multipart.Add(new StringContent(value), name);
        if (file is { } f)
            multipart.Add(new ByteArrayContent(f.Content), f.Field, f.Name);
        return await client.Http.PostAsync(url, multipart);
    }

    public static async Task<T> WithDbAsync<T>(PortalAppFactory app, Func<PortalDbContext, Task<T>> work)
    {
        using var scope = app.App.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static Task<Application> LoadAsync(PortalAppFactory app, Guid id) =>
        WithDbAsync(app, db => db.Applications.AsNoTracking().Include(a => a.History).Include(a => a.Documents).Include(a => a.InformationRequests)
            .AsSplitQuery().SingleAsync(a => a.Id == id));
}
