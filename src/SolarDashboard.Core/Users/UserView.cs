using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.Users;

public sealed record UserView(int Id, string DisplayName, string? UserName, string? Email, AppRoles Roles, bool RolesFromProvider,
    DateTimeOffset LastSignInAt, IReadOnlyList<int> PlantIds);
