using Microsoft.AspNetCore.Components;
using SolarDashboard.Core.Control;

namespace SolarDashboard.Components.Control;

/// <summary>A part of the control form: it edits the shared <see cref="ControlForm"/> and says so, since any change voids the review.</summary>
public abstract class ControlSection : ComponentBase
{
    [Parameter, EditorRequired] public ControlForm Form { get; set; } = null!;

    /// <summary>The plants on offer, for the ranges the selected ones accept.</summary>
    [Parameter] public IReadOnlyList<PlantControlFacts> Plants { get; set; } = [];

    [Parameter] public EventCallback Changed { get; set; }

    protected Task Set(Action change)
    {
        change();
        return Changed.InvokeAsync();
    }
}
