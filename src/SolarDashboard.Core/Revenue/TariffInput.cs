namespace SolarDashboard.Core.Revenue;

/// <summary>
/// A tariff as a person enters it: a currency and either one flat price per kWh produced (<see cref="Flat"/>) or an
/// import price (what each self-consumed kWh saves) and an export price (what each kWh fed in earns).
/// </summary>
public sealed record TariffInput(string Currency, bool Flat, decimal? FlatPricePerKwh, decimal? ImportPricePerKwh, decimal? ExportPricePerKwh);
