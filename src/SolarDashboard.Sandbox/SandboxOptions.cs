namespace SolarDashboard.Sandbox;

/// <summary>Settings of the simulated vendor clouds. Bound from configuration section <c>Sandbox</c>.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Seed of the simulated fleet: the same seed gives the same plants, devices, weather and alarms.</summary>
    public int Seed { get; set; } = 20261121;

    /// <summary>Simulated seconds per real second (60 means one real minute is one simulated hour).</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Simulated instant at sandbox start; default is the real current time.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Faithful (reference section 4) by default. Relaxed multiplies every budget by 1000: for manual demos only.</summary>
    public FlowControlMode FlowControl { get; set; } = FlowControlMode.Faithful;

    public FleetOptions Fleet { get; set; } = new();

    public OAuthClientOptions OAuth { get; set; } = new();

    public QuirkOptions Quirks { get; set; } = new();

    public IdentityProviderOptions IdentityProvider { get; set; } = new();

    /// <summary>The simulated ATESS cloud (accounts, extra sites, quirks).</summary>
    public Atess.AtessOptions Atess { get; set; } = new();

    /// <summary>The REDEX certificate registry: accounts, registered inverters, quirks.</summary>
    public Redex.RedexOptions Redex { get; set; } = new();
}

/// <summary>The sandbox's OpenID Connect provider (for signing in to the dashboard offline).</summary>
public sealed class IdentityProviderOptions
{
    public string ClientId { get; set; } = "solardashboard";
    public string ClientSecret { get; set; } = "demo-oidc-secret";

    /// <summary>Where the RS256 signing key is kept, so tokens stay valid across restarts.</summary>
    public string KeyFile { get; set; } = Path.Combine("data", "sandbox-idp-key.json");

    /// <summary>Users: name, password, display name, roles. The demo users when empty.</summary>
    public List<IdpUser> Users { get; set; } = [];

    internal IReadOnlyList<IdpUser> EffectiveUsers => Users.Count > 0 ? Users :
    [
        new() { UserName = "owner-anna", Name = "Anna Owner", Roles = ["Owner"] },
        new() { UserName = "owner-ben", Name = "Ben Owner", Roles = ["Owner"] },
        new() { UserName = "olga-operator", Name = "Olga Operator", Roles = ["Operator"] },
        new() { UserName = "adam-admin", Name = "Adam Admin", Roles = ["Admin"] },
    ];
}

public sealed class IdpUser
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "demo";
    public string Name { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}

public enum FlowControlMode { Faithful, Relaxed }

public sealed class FleetOptions
{
    public string InstallerUserName { get; set; } = "demo-installer";
    public string InstallerSystemCode { get; set; } = "demo-installer-2024";

    /// <summary>Plants bound to the installer API account (at least 12 in the demo fleet).</summary>
    public int InstallerPlants { get; set; } = 12;

    /// <summary>When true, every installer plant is residential (inverter + battery + power sensor), as in the quota benchmark.</summary>
    public bool InstallerAllResidential { get; set; }

    /// <summary>Residential plants get a Dongle as controller; without it their inverters connect directly (controller "Inverter").</summary>
    public bool ResidentialDongles { get; set; } = true;

    /// <summary>OAuth owners; the default fleet has owner-anna (1 plant) and owner-ben (2 plants).</summary>
    public List<OwnerOptions> Owners { get; set; } = [];

    internal IReadOnlyList<OwnerOptions> EffectiveOwners => Owners.Count > 0
        ? Owners
        : [new() { UserName = "owner-anna", Password = "demo", Plants = 1 }, new() { UserName = "owner-ben", Password = "demo", Plants = 2 }];
}

public sealed class OwnerOptions
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "demo";
    public int Plants { get; set; } = 1;
}

public sealed class OAuthClientOptions
{
    public string ClientId { get; set; } = "123456789";
    public string ClientSecret { get; set; } = "demo-client-secret";

    /// <summary>Registered RedirectUrls. Compared exactly, as the vendor does.</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Also accept any redirect_uri on a loopback host (demo and tests, where the app's port is chosen at start).</summary>
    public bool AllowLoopbackRedirectUris { get; set; } = true;

    /// <summary>
    /// Where the OAuth service keeps owners' consents (granted scopes) and the tokens it issued, beside the identity
    /// provider's key, so a restart does not make every owner consent again. Relative paths are under the content root.
    /// </summary>
    public string StateFile { get; set; } = Path.Combine("data", "sandbox-oauth-state.json");
}

/// <summary>Opt-in answers seen from the real service. All off by default.</summary>
public sealed class QuirkOptions
{
    /// <summary>dataItemMap numbers sent as strings ("900.000").</summary>
    public bool NumbersAsStrings { get; set; }

    /// <summary>Share of dataItemMap values replaced by null, "" or "N/A".</summary>
    public double MissingValueRate { get; set; }

    /// <summary>Lifetime counters dip by the day's yield between 23:55 and 00:10 plant time, then recover.</summary>
    public bool MidnightCounterDip { get; set; }

    /// <summary>Share of requests a gateway answers with HTTP 403 or 429 before they reach the API.</summary>
    public double GatewayThrottleRate { get; set; }

    /// <summary>Extra delay before every answer, in real milliseconds (the call is not processed if the caller gives up first).</summary>
    public int SlowAnswerMilliseconds { get; set; }

    /// <summary>Extra delay after the call was processed, before its answer leaves (the vendor acted; the caller may never hear).</summary>
    public int SlowAnswerAfterProcessingMilliseconds { get; set; }

    /// <summary>Share of requests answered by an HTML error page (HTTP 502) instead of JSON.</summary>
    public double HtmlErrorPageRate { get; set; }

    /// <summary>Share of answers cut off in the middle of the JSON.</summary>
    public double TruncatedJsonRate { get; set; }

    /// <summary>Put the 407 text in <c>data</c> instead of <c>message</c>, as some servers do.</summary>
    public bool RateLimitTextInData { get; set; }

    /// <summary>The OAuth token endpoint answers every request with 400 "1111" unsupported_grant_type (reference 8.1.2), as when a proxy mangles the form.</summary>
    public bool TokenRejectsGrantType { get; set; }

    public QuirkOptions Clone() => (QuirkOptions)MemberwiseClone();
}
