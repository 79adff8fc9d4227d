namespace SolarDashboard.Core.Control;

/// <summary>A vendor's control call did not give an answer the ledger can act on; the message is for the audit trail.</summary>
public class ControlVendorException(string message, Exception? inner = null) : Exception(message, inner);
