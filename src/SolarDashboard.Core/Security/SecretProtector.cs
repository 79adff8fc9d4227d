using Microsoft.AspNetCore.DataProtection;

namespace SolarDashboard.Core.Security;

/// <summary>Encrypts passwords and tokens before they reach the database (ASP.NET Core Data Protection).</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("SolarDashboard.VendorSecrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
