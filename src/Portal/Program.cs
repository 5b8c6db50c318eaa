using Portal.Components;
using Portal.Features;
using Portal.Hosting;
using Portal.Integration.Geocoding;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Server;
using Portal.Integration.Requirements;
using Portal.Jobs;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.AddPortalDatabase();
builder.AddPortalAccounts();
builder.AddPortalMail();
builder.AddPortalPublicUrl();
builder.Services.AddPortalLocalization();
builder.Services.AddPortalTheme(builder.Configuration.GetSection("Theme"));
builder.Services.AddPortalHealthChecks();
builder.Services.AddPdfWarmUp(builder.Configuration);
builder.AddPortalBackOffice();   // static SSR front office, interactive back office (DESIGN.md section 4)
builder.Services.AddGeocoding(builder.Configuration.GetSection("Geocoding"));
builder.Services.AddOcpi(builder.Configuration.GetSection("Ocpi"));
builder.Services.AddRequirementCatalogue();
builder.Services.AddPortalFeatures(builder.Configuration, builder.Environment);
builder.AddPortalJobs();

var app = builder.Build();

if (PortalCommands.IsCommand(args))
    return await PortalCommands.RunAsync(app, args);

await app.PrepareDatabaseAsync();

// OCPI partners' calls take their own short branch, ahead of the page middleware.
app.UseOcpi("/ocpi");
app.UseRelativeRedirects();
app.UsePortalErrorPages();
app.UsePortalSecurityHeaders();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapPortalHealthChecks("/health");
app.MapPortalJobsDashboard();
app.MapPortalEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;
