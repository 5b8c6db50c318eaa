using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>What an administrator does on an interactive page in bUnit: type, choose in a drop-down, press a button.</summary>
internal static class AdminSteps
{
    /// <summary>Long enough for a call to a fake CPO on a busy machine; a passing test does not wait for it.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // Finding and firing happen together on the renderer, so a render in between (data that arrives late,
    // as PostgreSQL's often does) cannot leave the test holding an element whose handler is gone.
    public static Task TypeAsync(this IRenderedComponent<IComponent> root, string selector, string value) =>
        root.InvokeAsync(() => root.Find(selector).InputAsync(new ChangeEventArgs { Value = value }));

    /// <summary>Presses the one button whose text is exactly this, and waits for its handler.</summary>
    public static Task PressAsync(this IRenderedComponent<IComponent> root, string text) =>
        root.InvokeAsync(() => root.Button(text).ClickAsync(new()));

    /// <summary>Chooses a value in the MudSelect with this input id, as a click on its item does.</summary>
    public static Task ChooseAsync<T>(this IRenderedComponent<IComponent> root, string inputId, T value) =>
        root.InvokeAsync(() => Select<T>(root, inputId).Instance.ValueChanged.InvokeAsync(value));

    /// <summary>Chooses these values in the multiple-choice MudSelect with this input id.</summary>
    public static Task ChooseManyAsync<T>(this IRenderedComponent<IComponent> root, string inputId, params T[] values) =>
        root.InvokeAsync(() => Select<T>(root, inputId).Instance.SelectedValuesChanged.InvokeAsync(values));

    public static IRenderedComponent<MudSelect<T>> Select<T>(this IRenderedComponent<IComponent> root, string inputId) =>
        root.FindComponents<MudSelect<T>>().Single(s => s.Instance.GetState(x => x.InputId) == inputId);

    /// <summary>The one button whose text is exactly this.</summary>
    public static AngleSharp.Dom.IElement Button(this IRenderedComponent<IComponent> root, string text) =>
        root.FindAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>
    /// Presses a button whose handler waits for a dialog (a confirmation, a form): the test does not wait
    /// for the handler, but for the dialog to appear in <paramref name="dialogs"/>.
    /// </summary>
    public static void PressAndWaitForDialog(this IRenderedComponent<IComponent> root, string text, IRenderedComponent<MudDialogProvider> dialogs)
    {
        _ = root.PressAsync(text);
        dialogs.WaitForElement(".mud-dialog", Wait);
    }

    /// <summary>Confirms the open confirmation dialog, after checking that it says <paramref name="says"/>.</summary>
    public static Task ConfirmAsync(this IRenderedComponent<MudDialogProvider> dialogs, string says)
    {
        Assert.Contains(says, dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        return dialogs.InvokeAsync(() => dialogs.Find(".mud-dialog [data-testid=confirm]").ClickAsync(new()));
    }

    public static async Task<T> QueryAsync<T>(this PortalAppFactory app, Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static Task<Guid> ArnhemAsync(this PortalAppFactory app) =>
        app.QueryAsync(db => db.Municipalities.Where(m => m.Name == "Arnhem").Select(m => m.Id).SingleAsync());
}
