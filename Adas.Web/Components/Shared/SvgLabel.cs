using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Adas.Web.Components.Shared;

/// <summary>An SVG &lt;text&gt; element (Razor reserves the &lt;text&gt; tag for itself).</summary>
public sealed class SvgLabel : ComponentBase
{
    [Parameter] public object? X { get; set; }
    [Parameter] public object? Y { get; set; }
    [Parameter] public string? Anchor { get; set; }
    [Parameter] public string Text { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", Format(X));
        builder.AddAttribute(2, "y", Format(Y));
        builder.AddAttribute(3, "class", "axis");
        if (Anchor is not null) builder.AddAttribute(4, "text-anchor", Anchor);
        builder.AddContent(5, Text);
        builder.CloseElement();
    }

    private static string Format(object? value) => value is double d ? Labels.Css(d) : value?.ToString() ?? "0";
}
