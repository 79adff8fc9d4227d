using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>The NBI operations that flow control tells apart.</summary>
public enum NbiApi
{
    Login, Logout, Stations, DevList, StationRealKpi, DevRealKpi, DevHistoryKpi, AlarmList,
    KpiStationHour, KpiStationDay, KpiStationMonth, KpiStationYear, DevKpiDay, DevKpiMonth, DevKpiYear,
    ChargeDischargeTask, ChargeDischargeStatus, BatteryModeTask, BatteryModeTaskInfo, BatteryConfigTask, BatteryConfigTaskInfo,
    ActivePowerTask, ActivePowerTaskInfo,
}
