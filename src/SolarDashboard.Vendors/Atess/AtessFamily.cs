namespace SolarDashboard.Vendors.Atess;

/// <summary>
/// The device families of the ATESS API menu. Each has base info, a base info list per datalog, history, latest data and
/// settings; an HPS is either central type or string type, and each type has its own paths.
/// </summary>
public enum AtessFamily { HpsCentral, HpsString, Pcs, Pbd, Bcu, Mbms }
