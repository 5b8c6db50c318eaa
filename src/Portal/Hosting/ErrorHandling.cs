namespace Portal.Hosting;

internal static class ErrorHandling
{
    /// <summary>
    /// Developers see the exception page; everyone else sees /fout with a correlation id and never a
    /// stack trace. Bare 4xx/5xx responses are rendered by the status-code page.
    /// </summary>
    public static void UsePortalErrorPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment() && !app.Configuration.GetValue("App:FriendlyErrorsInDevelopment", false))
            app.UseDeveloperExceptionPage();
        else
            app.UseExceptionHandler("/fout", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
    }
}
