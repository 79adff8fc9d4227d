namespace SolarDashboard.Vendors.Atess.Model;

/// <summary>What an ATESS device is, read from its vendor type (<see cref="AtessDeviceTypes"/>): each mapping is written once per kind.</summary>
public enum AtessKind { Hps, Pcs, Pbd, Bcu, Mbms, DataLog, Other }
