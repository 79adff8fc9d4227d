namespace SolarDashboard.Sandbox.Atess;

/// <summary>Why a setting change was refused: a message key of <see cref="AtessText"/> and its arguments.</summary>
internal sealed record SettingError(string TextKey, params object[] Args);
