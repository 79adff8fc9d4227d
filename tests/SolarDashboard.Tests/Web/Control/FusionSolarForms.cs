using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Web.Control;

/// <summary>The rules the Control page gives its form today: FusionSolar's (reference 5.2).</summary>
internal static class FusionSolarForms
{
    public static readonly IControlRules Rules = new FusionSolarControlRules();
}
