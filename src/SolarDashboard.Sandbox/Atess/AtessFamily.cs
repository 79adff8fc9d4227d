namespace SolarDashboard.Sandbox.Atess;

/// <summary>The device families of the API menu. HPS comes as central type (paths without suffix) and string type (<c>-small</c>).</summary>
public enum AtessFamily { HpsCentral, HpsString, Pcs, Pbd, Bcu, Mbms }
